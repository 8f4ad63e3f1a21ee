"""Pictures: data in, SVG geometry out (activity chart, region tree, ties, network)."""
