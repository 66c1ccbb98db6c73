"""考试: the question bank and the exam sittings."""
