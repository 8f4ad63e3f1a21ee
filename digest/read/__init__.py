"""Reading: YAML with the line of every value, and the content tree. No judgement."""
