"""URLs of the personnel app (included under /<congress>/)."""

urlpatterns: list = []
