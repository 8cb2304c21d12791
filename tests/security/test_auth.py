"""Authentication hardening: lockout, two-step verification, log out everywhere, admin protection."""

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from congress.audit_models import UserSession
from tests.factories import PASSWORD, UserFactory
from tests.security.conftest import totp_code

pytestmark = pytest.mark.django_db


def _post_login(client, username, password, url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password})


def test_login_wrong_password_is_refused_with_a_vietnamese_message(secretariat):
    response = _post_login(Client(), "thuky", "wrong-password")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_login_lockout_after_the_failure_limit_with_a_clear_message(settings, secretariat):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(2):
        assert _post_login(client, "thuky", "wrong-password").status_code == 200
    response = _post_login(client, "thuky", "wrong-password")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in body
    assert "15 phút" in body
    # Even the right password is refused while locked out, and no session is opened.
    response = _post_login(client, "thuky", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_lockout_is_per_username_and_address(settings, secretariat, member):
    settings.AXES_FAILURE_LIMIT = 2
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        _post_login(attacker, "thuky", "wrong-password")
    assert _post_login(attacker, "thuky", PASSWORD).status_code == 429
    # Another user from the same address and the same user from the office are not locked.
    assert _post_login(Client(REMOTE_ADDR="203.0.113.9"), "thanhvien", PASSWORD).status_code == 302
    assert _post_login(Client(REMOTE_ADDR="192.0.2.10"), "thuky", PASSWORD).status_code == 302


def test_login_success_resets_the_failure_count(settings, secretariat):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    _post_login(client, "thuky", "wrong-password")
    _post_login(client, "thuky", "wrong-password")
    assert _post_login(client, "thuky", PASSWORD).status_code == 302
    assert AccessAttempt.objects.count() == 0


def test_admin_login_goes_through_the_same_lockout(settings, db):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(2):
        _post_login(client, "quantri", "wrong-password", url="/admin/login/")
    response = _post_login(client, "quantri", PASSWORD, url="/admin/login/")
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


def test_login_behind_proxy_uses_the_address_the_proxy_appended(settings, secretariat):
    settings.AXES_FAILURE_LIMIT = 2
    settings.BEHIND_PROXY = True
    # The client forges an address in front; the proxy appends the real one at the end.
    for forged in ("10.0.0.1", "10.0.0.2"):
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7").post(
            "/accounts/login/", {"username": "thuky", "password": "wrong"}
        )
    locked = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7")
    assert _post_login(locked, "thuky", PASSWORD).status_code == 429


def test_force_login_and_client_login_keep_working(secretariat):
    client = Client()
    assert client.login(username="thuky", password=PASSWORD) is True
    assert client.get("/accounts/profile/").status_code == 200
    other = Client()
    other.force_login(secretariat)
    assert other.get("/accounts/profile/").status_code == 200


def test_session_expires_after_inactivity_setting(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 8 * 3600


def test_password_validators_refuse_a_short_or_common_password(client_for, secretariat):
    client = client_for(secretariat)
    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    secretariat.refresh_from_db()
    assert secretariat.check_password(PASSWORD) is True


# --- Log out everywhere.


def test_logout_everywhere_ends_every_session_of_the_user(secretariat, member):
    office, home, phone = Client(), Client(), Client()
    for c in (office, home, phone):
        assert _post_login(c, "thuky", PASSWORD).status_code == 302
    others = Client()
    others.force_login(member)
    assert UserSession.objects.filter(user=secretariat).count() == 3

    response = office.post("/accounts/logout-everywhere/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    for c in (office, home, phone):
        assert c.get("/accounts/profile/").status_code == 302
    assert others.get("/accounts/profile/").status_code == 200
    assert UserSession.objects.filter(user=secretariat).count() == 0
    assert Session.objects.count() == 1


def test_logout_everywhere_also_ends_sessions_opened_before_tracking(secretariat):
    old = Client()
    old.force_login(secretariat)
    UserSession.objects.all().delete()  # as if opened before this feature existed
    current = Client()
    current.force_login(secretariat)
    current.post("/accounts/logout-everywhere/")
    assert old.get("/accounts/profile/").status_code == 302


def test_logout_everywhere_refuses_get(client_for, secretariat):
    assert client_for(secretariat).get("/accounts/logout-everywhere/").status_code == 405


def test_profile_shows_the_account_security_card(client_for, secretariat):
    body = client_for(secretariat).get("/accounts/profile/").content.decode()
    assert 'data-testid="account-security"' in body
    assert "Đăng xuất khỏi mọi nơi" in body
    assert "Xác thực hai bước" in body


# --- Two-step verification.


def test_two_factor_enrolment_shows_a_qr_code_and_confirms_with_a_code(client_for, secretariat):
    client = client_for(secretariat)
    response = client.get("/accounts/two-factor/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/svg+xml' in body
    device = TOTPDevice.objects.get(user=secretariat)
    assert device.confirmed is False

    response = client.post("/accounts/two-factor/", {"token": "000000" if totp_code(device) != "000000" else "111111"})
    assert response.status_code == 400
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False

    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post("/accounts/two-factor/", {"token": totp_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True
    # This session is verified: the pages open without asking again.
    assert client.get("/accounts/profile/").status_code == 200


def test_two_factor_bad_code_format_is_a_400_with_a_message(client_for, secretariat):
    client = client_for(secretariat)
    client.get("/accounts/two-factor/")
    response = client.post("/accounts/two-factor/", {"token": "<script>"})
    assert response.status_code == 400
    assert "Nhập mã 6 chữ số" in response.content.decode()


def test_two_factor_is_asked_after_the_password_for_enrolled_users(secretariat, congress):
    device = TOTPDevice.objects.create(user=secretariat, name="app", confirmed=True)
    client = Client()
    response = _post_login(client, "thuky", PASSWORD)
    assert response.status_code == 302
    response = client.get(f"/{congress.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/verify/?next=")

    response = client.post("/accounts/two-factor/verify/", {"token": "12", "next": f"/{congress.slug}/"})
    assert response.status_code == 400
    response = client.post("/accounts/two-factor/verify/", {"token": totp_code(device), "next": f"/{congress.slug}/"})
    assert response.status_code == 302
    assert response["Location"] == f"/{congress.slug}/"
    assert client.get(f"/{congress.slug}/").status_code == 200


def test_two_factor_verify_never_redirects_to_another_site(secretariat):
    device = TOTPDevice.objects.create(user=secretariat, name="app", confirmed=True)
    client = Client()
    _post_login(client, "thuky", PASSWORD)
    response = client.post(
        "/accounts/two-factor/verify/", {"token": totp_code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_two_factor_reset_by_an_admin_lets_the_user_in_again(secretariat):
    TOTPDevice.objects.create(user=secretariat, name="app", confirmed=True)
    client = Client()
    _post_login(client, "thuky", PASSWORD)
    assert client.get("/accounts/profile/").status_code == 302
    TOTPDevice.objects.filter(user=secretariat).delete()  # the admin deleted the device
    response = client.get("/accounts/two-factor/verify/?next=/accounts/profile/")
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


def test_two_factor_disable_needs_a_valid_code(client_for, secretariat):
    device = TOTPDevice.objects.create(user=secretariat, name="app", confirmed=True)
    client = Client()
    _post_login(client, "thuky", PASSWORD)
    client.post("/accounts/two-factor/verify/", {"token": totp_code(device)})
    response = client.post(
        "/accounts/two-factor/disable/", {"token": "999999" if totp_code(device) != "999999" else "1"}
    )
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=secretariat).count() == 1
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()  # the app makes the user wait a second after a wrong code
    response = client.post("/accounts/two-factor/disable/", {"token": totp_code(device, offset_steps=1)})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=secretariat).count() == 0


def test_admin_requires_two_factor_when_configured(settings, db):
    settings.OTP_REQUIRED_FOR_ADMIN = True
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/?next=")
    # Once enrolled (and so verified in this session) the admin opens.
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user=admin)
    client.post("/accounts/two-factor/", {"token": totp_code(device)})
    assert client.get("/admin/").status_code == 200


def test_admin_without_the_knob_opens_for_staff_without_two_factor(settings, db):
    settings.OTP_REQUIRED_FOR_ADMIN = False
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
