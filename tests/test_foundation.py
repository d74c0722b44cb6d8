import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage

ROOT = Path(__file__).resolve().parent.parent


def test_home_page_from_initial_content_shows_the_alliance_and_its_mission(client, initial_content):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "WePROTECT Global Alliance" in html
    assert initial_content.mission in html


def test_load_initial_content_twice_changes_nothing(initial_content):
    before = {(p.pk, p.latest_revision_id) for p in Page.objects.all()}
    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    assert {(p.pk, p.latest_revision_id) for p in Page.objects.all()} == before


def test_load_initial_content_keeps_an_editors_change(client, initial_content):
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_heading = "An editor's own heading"
    home.save_revision().publish()
    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    assert HomePage.objects.get(locale__language_code="en").hero_heading == "An editor's own heading"
    assert "An editor&#x27;s own heading" in client.get("/").content.decode()


ESSENTIALS = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "www.example.org",
    "WAGTAILADMIN_BASE_URL": "https://www.example.org",
}


def run_with_production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ESSENTIALS}
    clean.update(env, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("missing", ESSENTIALS)
def test_production_refuses_to_start_without_its_essentials(missing):
    env = dict(ESSENTIALS)
    del env[missing]
    result = run_with_production_settings(**env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "Traceback" not in result.stderr


def test_ensure_admin_uses_the_given_password_and_never_replaces_a_login(db, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-local-password")
    call_command("ensure_admin", stdout=open(os.devnull, "w"))
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "another-password-entirely")
    call_command("ensure_admin", stdout=open(os.devnull, "w"))
    assert get_user_model().objects.get(username="admin").check_password("a-long-local-password")


def test_ensure_admin_generates_a_password_when_none_is_given(db, monkeypatch, capsys):
    from django.contrib.auth import get_user_model

    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("ensure_admin")
    printed = capsys.readouterr().out
    password = printed.split("password ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_the_admin_can_be_moved_by_an_environment_variable(tmp_path):
    from bench.server import manage, production_environment

    environment = production_environment(tmp_path, ADMIN_PATH="staff-only")
    script = "from django.urls import reverse; print(reverse('wagtailadmin_home'), reverse('wagtailadmin_login'))"

    printed = manage(environment, "shell", "-c", script).strip().splitlines()[-1]

    assert printed == "/staff-only/ /staff-only/login/"
