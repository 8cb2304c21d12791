"""URLs of the documents app (included under /<congress>/)."""

urlpatterns: list = []
