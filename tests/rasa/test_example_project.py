"""The example Rasa project agrees with the action server: names, forms and slots, read statically."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

from integrations.rasa.actions import (
    ACTIONS,
    FORMS,
    NEWS_ENTITIES,
    NEWS_INTENT,
    SLOTS,
    SURVEY_ENTITIES,
    SURVEY_FORM,
    SURVEY_FORM_SLOTS,
    SURVEY_INTENT,
    RasaDesk,
)
from tests.rasa.conftest import EXAMPLE, ActionServer, example_domain

FILES = (
    "domain.yml",
    "config.yml",
    "endpoints.yml",
    "credentials.yml",
    "data/nlu.yml",
    "data/rules.yml",
    "data/stories.yml",
)


def load(name: str) -> Any:
    return YAML(typ="safe").load((EXAMPLE / name).read_text())


def served_names(server: ActionServer) -> set[str]:
    return {action(RasaDesk(server.services)).name() for action in ACTIONS}


def test_every_file_parses() -> None:
    for name in FILES:
        assert load(name) is not None, name


def test_actions_in_the_domain_are_the_ones_served(action_server: ActionServer) -> None:
    domain = example_domain()
    served = served_names(action_server)
    assert set(domain["actions"]) == served
    # Every form has its validation action served, and a submit action.
    for form, kind in FORMS.items():
        assert form in domain["forms"] and f"validate_{form}" in served
        assert f"action_estatedesk_submit_{kind.value}" in served


def test_slots_agree_with_what_the_actions_read_and_set() -> None:
    domain = example_domain()
    assert {name: slot["type"] for name, slot in domain["slots"].items()} == SLOTS
    custom = ("estatedesk_resident", "language", "estatedesk_urgency", "estatedesk_draft", "ticket_number")
    for name in (*custom, "estatedesk_place", "estatedesk_survey"):
        # Only actions set these: an entity in a message must never fill them (a forged resident id).
        assert [m["type"] for m in domain["slots"][name]["mappings"]] == ["custom"], name
    for form in FORMS:
        assert domain["forms"][form]["required_slots"] == ["category", "unit", "description"]
    assert domain["forms"][SURVEY_FORM]["required_slots"] == list(SURVEY_FORM_SLOTS)


def test_rules_and_stories_use_only_what_the_domain_declares() -> None:
    domain = example_domain()
    known_actions = set(domain["actions"]) | set(domain["responses"]) | set(domain["forms"])
    intents = set(domain["intents"])
    steps = [step for rule in load("data/rules.yml")["rules"] for step in rule["steps"]]
    steps += [step for story in load("data/stories.yml")["stories"] for step in story["steps"]]
    assert {s["action"] for s in steps if "action" in s} <= known_actions
    assert {s["intent"] for s in steps if "intent" in s} <= intents
    assert NEWS_INTENT in intents and set(NEWS_ENTITIES) <= set(domain["entities"])
    news_rules = [r for r in load("data/rules.yml")["rules"] if {"intent": NEWS_INTENT} in r["steps"]]
    assert [r["steps"][1] for r in news_rules] == [{"action": "action_estatedesk_ticket_news"}]
    # The follow-up survey: its trigger starts the survey form, whose end runs the answer action.
    assert SURVEY_INTENT in intents and set(SURVEY_ENTITIES) <= set(domain["entities"])
    survey_rules = [r for r in load("data/rules.yml")["rules"] if {"intent": SURVEY_INTENT} in r["steps"]]
    assert [r["steps"][1:] for r in survey_rules] == [
        [{"action": "action_estatedesk_survey"}, {"action": SURVEY_FORM}, {"active_loop": SURVEY_FORM}]
    ]
    assert f"validate_{SURVEY_FORM}" in domain["actions"]
    assert {f"action_ask_{slot}" for slot in SURVEY_FORM_SLOTS} <= set(domain["actions"])
    # The three matters each have a rule or story that reaches their action.
    reached = {s["action"] for s in steps if "action" in s}
    assert {
        "action_estatedesk_submit_repair",
        "action_estatedesk_submit_complaint",
        "action_estatedesk_bill",
        "action_estatedesk_survey_answer",
    } <= reached


def test_responses_speak_the_three_languages() -> None:
    domain = example_domain()
    for name, variants in domain["responses"].items():
        languages = {c["value"] for v in variants for c in v.get("condition", []) if c["name"] == "language"}
        assert languages == {"zh-Hant", "zh-Hans"}, name  # plus the unconditioned English one
        assert any("condition" not in v for v in variants), name


def test_the_endpoint_points_at_the_action_server_with_its_token() -> None:
    endpoints = load("endpoints.yml")
    assert endpoints["action_endpoint"]["url"].endswith(":5055/webhook")
    assert endpoints["action_endpoint"]["token"] == "${ESTATEDESK_RASA_ACTIONS_TOKEN}"
