"""The case register: stages, working-day deadlines, supervision warnings, Excel in and out."""
