"""A Jinja2 extension that translates `_("a literal")` once, when the template compiles.

An environment speaks one language for its whole life (render.environment), so a message without
variables has one translation: written into the compiled template, it costs nothing per page,
where a call costs a gettext look-up, a Markup and a `%` for each of the build's tens of thousands.
Messages with variables, `ngettext` and `{% trans %}` blocks are left to the i18n extension.
Knows nothing of pages.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import escape

LITERAL_CALL = ("name", "lparen", "string", "rparen")


class LiteralWords(Extension):
    """`_("Regions")` becomes `("Régions"|safe)`: what the newstyle gettext gives, a Markup of the
    translation, as a constant the compiler folds. Needs the environment's `_` to be the
    newstyle gettext of the same translations: environment.literal_gettext (render.environment sets both)."""

    def __init__(self, environment: jinja2.Environment):
        super().__init__(environment)
        environment.extend(literal_gettext=None)

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        window: list[Token] = []
        previous = ""
        for token in stream:
            window.append(token)
            if len(window) < len(LITERAL_CALL):
                continue
            if previous != "dot" and self._literal_call(window):
                yield from self._folded(window[0].lineno, window[2].value)
                previous = "rparen"
                window.clear()
            else:
                previous = window[0].type
                yield window.pop(0)
        yield from window

    def _literal_call(self, window: list[Token]) -> bool:
        if tuple(token.type for token in window) != LITERAL_CALL or window[0].value != "_":
            return False
        # gettext formats '%' (`% {}`: '%%' -> '%'), and the compiler's folding of `~` would escape
        # a constant's markup: such a message stays a call
        message, translated = window[2].value, self._translate(window[2].value)
        return "%" not in message + translated and escape(translated) == translated

    def _translate(self, message: str) -> str:
        gettext: Callable[[str], str] = self.environment.literal_gettext  # type: ignore[attr-defined]
        return gettext(message)

    def _folded(self, lineno: int, message: str) -> Iterator[Token]:
        for kind, value in (("lparen", "("), ("string", self._translate(message)), ("pipe", "|"),
                            ("name", "safe"), ("rparen", ")")):
            yield Token(lineno, kind, value)
