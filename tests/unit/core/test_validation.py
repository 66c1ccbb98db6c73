"""A broken rule as the error a dialog marks: the field it names, the message it formats."""

from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validation import Problem, raise_first


def test_a_problem_whose_message_names_a_field_keeps_its_own_field() -> None:
    """ "{field} is required." has a ``field`` parameter of its own: it fills the message and
    does not replace the input the error names."""
    problem = Problem("party", "{field} is required.", (("field", "当事人"),))
    error = problem.error()
    assert error.field == "party"
    assert str(error) == "当事人 is required." and error.english() == "当事人 is required."


def test_raise_first_raises_the_first_problem() -> None:
    problems = [Problem("case_no", "{field} is required.", (("field", "案号"),)), Problem("party", "x")]
    with pytest.raises(ValidationError, match="案号 is required") as caught:
        raise_first(problems)
    assert caught.value.field == "case_no"
    raise_first([])  # nothing wrong: nothing raised
