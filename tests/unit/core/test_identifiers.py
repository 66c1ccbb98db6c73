"""Tests for desktop.core.identifiers: 居民身份证号 and 统一社会信用代码 checks, masks, generators."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.identifiers import (
    credit_code_check_char,
    gender_from_resident_id,
    is_valid_credit_code,
    is_valid_resident_id,
    make_credit_code,
    make_resident_id,
    mask_phone,
    mask_resident_id,
    normalize_id,
    resident_id_check_char,
)

KNOWN_ID = "11010519491231002X"
KNOWN_USCC = "91350100M000100Y43"


def with_check(first17: str) -> str:
    """An ID whose checksum is right, whatever its birth date."""
    return first17 + resident_id_check_char(first17)


class TestResidentId:
    def test_known_valid_number(self) -> None:
        assert is_valid_resident_id(KNOWN_ID)

    def test_lowercase_x_accepted(self) -> None:
        assert is_valid_resident_id(KNOWN_ID.lower())

    def test_check_char_of_known_number(self) -> None:
        assert resident_id_check_char(KNOWN_ID[:17]) == "X"

    @pytest.mark.parametrize("position", range(17))
    def test_any_single_digit_changed_is_invalid(self, position: int) -> None:
        digit = KNOWN_ID[position]
        changed = str((int(digit) + 1) % 10)
        assert not is_valid_resident_id(KNOWN_ID[:position] + changed + KNOWN_ID[position + 1 :])

    def test_wrong_check_char(self) -> None:
        assert not is_valid_resident_id(KNOWN_ID[:17] + "1")

    @pytest.mark.parametrize("text", ["", KNOWN_ID[:17], KNOWN_ID + "0", "1" * 15])
    def test_wrong_length(self, text: str) -> None:
        assert not is_valid_resident_id(text)

    @pytest.mark.parametrize(
        "text", ["1101051949123100AX", "11010519491231002Y", "１１0105194912310021", " 11010519491231002X"]
    )
    def test_bad_characters(self, text: str) -> None:
        assert not is_valid_resident_id(text)

    @pytest.mark.parametrize("birth", ["19490231", "19491301", "19490000", "18991231"])
    def test_impossible_birth_date_with_right_checksum(self, birth: str) -> None:
        assert not is_valid_resident_id(with_check(f"110105{birth}002"))

    def test_birth_date_in_the_future(self) -> None:
        tomorrow = date.today() + timedelta(days=1)
        assert not is_valid_resident_id(with_check(f"110105{tomorrow:%Y%m%d}002"))

    def test_born_today_and_in_1900(self) -> None:
        assert is_valid_resident_id(with_check(f"110105{date.today():%Y%m%d}002"))
        assert is_valid_resident_id(with_check("11010519000101002"))

    @pytest.mark.parametrize("bad", ["1234", "1101051949123100A", "110105194912310021"])
    def test_check_char_refuses_bad_input(self, bad: str) -> None:
        with pytest.raises(ValueError):
            resident_id_check_char(bad)

    def test_gender(self) -> None:
        assert gender_from_resident_id(KNOWN_ID) == "女"
        assert gender_from_resident_id(make_resident_id("341122", date(1990, 1, 1), 13)) == "男"
        assert gender_from_resident_id(make_resident_id("341122", date(1990, 1, 1), 14)) == "女"

    def test_gender_of_invalid_number_is_none(self) -> None:
        assert gender_from_resident_id(KNOWN_ID[:17] + "1") is None
        assert gender_from_resident_id("") is None

    def test_make_resident_id(self) -> None:
        made = make_resident_id("341122", date(1985, 7, 9), 7)
        assert made.startswith("34112219850709007")
        assert len(made) == 18
        assert is_valid_resident_id(made)

    def test_make_resident_id_reproduces_known_number(self) -> None:
        assert make_resident_id("110105", date(1949, 12, 31), 2) == KNOWN_ID

    @pytest.mark.parametrize(("area", "seq"), [("34112", 1), ("34112A", 1), ("341122", 1000), ("341122", -1)])
    def test_make_resident_id_refuses_bad_parts(self, area: str, seq: int) -> None:
        with pytest.raises(ValueError):
            make_resident_id(area, date(1990, 1, 1), seq)


class TestCreditCode:
    def test_known_valid_code(self) -> None:
        assert is_valid_credit_code(KNOWN_USCC)
        assert credit_code_check_char(KNOWN_USCC[:17]) == "3"

    @pytest.mark.parametrize("position", range(18))
    def test_any_single_character_changed_is_invalid(self, position: int) -> None:
        original = KNOWN_USCC[position]
        changed = "1" if original != "1" else "2"
        assert not is_valid_credit_code(KNOWN_USCC[:position] + changed + KNOWN_USCC[position + 1 :])

    @pytest.mark.parametrize("text", ["", KNOWN_USCC[:17], KNOWN_USCC + "0"])
    def test_wrong_length(self, text: str) -> None:
        assert not is_valid_credit_code(text)

    @pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
    def test_excluded_letters(self, letter: str) -> None:
        code = KNOWN_USCC[:8] + letter + KNOWN_USCC[9:]
        assert not is_valid_credit_code(code)
        with pytest.raises(ValueError):
            credit_code_check_char(code[:17])

    def test_lower_case_must_be_normalised_first(self) -> None:
        assert not is_valid_credit_code(KNOWN_USCC.lower())
        assert is_valid_credit_code(normalize_id(KNOWN_USCC.lower()))

    def test_check_char_zero(self) -> None:
        # a weighted sum divisible by 31 gives check value (31 - 0) % 31 = 0
        assert credit_code_check_char("0" * 17) == "0"
        assert is_valid_credit_code("0" * 18)

    def test_make_credit_code(self) -> None:
        made = make_credit_code("91340100MA2N0XXX1")
        assert made.startswith("91340100MA2N0XXX1")
        assert is_valid_credit_code(made)
        assert make_credit_code(KNOWN_USCC[:17]) == KNOWN_USCC

    def test_make_credit_code_refuses_bad_input(self) -> None:
        with pytest.raises(ValueError):
            make_credit_code("91340100MA2N0XXX")
        with pytest.raises(ValueError):
            make_credit_code("91340100ma2n0xxx1")


class TestNormalize:
    def test_strips_spaces_and_upper_cases(self) -> None:
        assert normalize_id(" 9135 0100m000100y43\u3000") == KNOWN_USCC
        assert normalize_id("11010519491231002x\n") == KNOWN_ID

    def test_empty(self) -> None:
        assert normalize_id("  ") == ""


class TestMasks:
    def test_resident_id(self) -> None:
        assert mask_resident_id("341122199001011234") == "341122********1234"

    def test_phone(self) -> None:
        assert mask_phone("13812345678") == "138****5678"

    @pytest.mark.parametrize(
        ("text", "masked"),
        [("", ""), ("12", "**"), ("1234567890", "**********"), ("12345678901", "123456*8901")],
    )
    def test_short_resident_id(self, text: str, masked: str) -> None:
        assert mask_resident_id(text) == masked

    @pytest.mark.parametrize(
        ("text", "masked"),
        [
            ("", ""),
            ("110", "***"),
            ("1234567", "*******"),
            ("12345678", "123*5678"),
            ("0551-12345678", "055******5678"),
        ],
    )
    def test_short_or_long_phone(self, text: str, masked: str) -> None:
        assert mask_phone(text) == masked
