"""Exams (考试): the question bank, blueprints, seeded papers, grading and item analysis."""
