"""What the personnel area prints: ``card`` (the 执法证 card, front and back, with its QR code)."""
