"""预警中心: the supervision warnings of the register, counted per agency and handled (处置)."""
