"""The password rule of issue 16 (no store): length, kinds of character, the user name, the
shipped list of well-known passwords, never all blank."""

from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from desktop.core.security import PasswordPolicy, character_classes, check_password_rules, common_passwords


def test_kinds_of_character() -> None:
    assert character_classes("abc") == 1 and character_classes("aB3") == 3 and character_classes("aB3-") == 4
    assert character_classes("执法监督-2026") == 2  # Chinese counts as a symbol


def test_the_shipped_list_holds_a_few_hundred_well_known_passwords() -> None:
    known = common_passwords()
    assert len(known) > 300 and {"123456", "password", "p@ssw0rd123", "woaini1314", "1qaz@wsx3edc"} <= known


@pytest.mark.parametrize(
    ("password", "words"),
    [
        (" " * 10, "only spaces"),
        ("\u3000" * 10, "only spaces"),
        ("Ab-1" * 2, "at least 10"),
        ("abcdefghijkl", "at least 3 of these"),
        ("abcdefgh1234", "at least 3 of these"),
        ("ZhangSan-2026", "user name"),
        ("1qaz@WSX3edc", "well-known"),
    ],
)
def test_each_broken_rule_is_named(password: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        check_password_rules(password, "zhangsan")


def test_a_short_user_name_refuses_only_itself_and_the_setting_raises_the_bar() -> None:
    check_password_rules("Lianluo-2026", "li")  # 'li' inside is no leak
    check_password_rules("Zhifa-2026")
    with pytest.raises(ValidationError, match="at least 12"):
        check_password_rules("Zhifa-2026", policy=PasswordPolicy(min_length=12))
    with pytest.raises(ValidationError, match="at least 4 of these"):
        check_password_rules("zhifa-2026x", policy=PasswordPolicy(min_classes=4))
