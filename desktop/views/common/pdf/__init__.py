"""The reusable PDF viewer: viewer (the widget) · viewer_ui · page_view · render (worker) ·
thumbnails · search · marks · zoom · shapes · toolbar."""
