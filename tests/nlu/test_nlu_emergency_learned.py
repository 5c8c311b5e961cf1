"""The learned emergency score beside the rules: it flags wordings no rule knows, and the rules'
not-emergency cues (the past, a test or drill, an "if" question, a complaint, a denial) override it unless it is
sure enough to stand against them."""

from __future__ import annotations

import pytest

from bot.nlu.dataset import Example
from bot.nlu.evaluate import (
    EMERGENCY_VETOES,
    EmergencyOutcome,
    choose_cue_override,
    choose_emergency_threshold,
    cue_override_grid,
    emergency_rates,
    veto_grid,
)
from bot.nlu.model import BuiltinUnderstander, ModelSettings
from bot.nlu.normalise import normalise
from bot.nlu.rules import emergency_signal, message_words, not_emergency_cue
from dialogs.understanding import Intent

R, C = Intent.REPAIR, Intent.COMPLAINT

# A small training set whose emergencies are told in words no rule lists (rotten eggs, a glow in the fuse
# box, grandma not answering), beside everyday messages.
SMALL = [
    Example("rotten egg smell all over the corridor", R, "other", None, None, True),
    Example("the stairwell reeks of rotten eggs", R, "other", None, None, True),
    Example("kitchen smells of rotten eggs and I feel dizzy", R, "other", None, None, True),
    Example("走廊好大陣臭雞蛋味", R, "other", None, None, True),
    Example("楼道里一股臭鸡蛋味", R, "other", None, None, True),
    Example("orange glow and popping inside the fuse box", R, "electrical", None, None, True),
    Example("grandma is on the bathroom floor and not answering", R, "other", None, None, True),
    Example("toilet blocked", R, "plumbing", None, None),
    Example("廁所塞咗", R, "plumbing", None, None),
    Example("light broken in the corridor", R, "electrical", None, None),
    Example("部較壞咗", R, "elevator", None, None),
    Example("too noisy upstairs", C, "noise", None, None),
    Example("the guard was rude", C, "staff", None, None),
    Example("the corridor is dirty", C, "cleanliness", None, None),
    Example("has my FPS payment arrived", Intent.BILL, None, None, None),
    Example("唔該晒", Intent.OTHER, None, None, None),
    Example("what time does the clubhouse open", Intent.OTHER, None, None, None),
]
SETTINGS = ModelSettings(emergency_threshold=0.5, emergency_cue_override=1.0)  # a cue always stands


@pytest.fixture(scope="module")
def small() -> BuiltinUnderstander:
    return BuiltinUnderstander(SMALL, SETTINGS)


@pytest.mark.parametrize(
    "text",
    [
        "strong rotten egg smell outside 12B",
        "臭雞蛋味好勁呀",
        "一股臭鸡蛋味从楼道传过来",
    ],
)
def test_the_learned_score_flags_a_wording_no_rule_knows(small: BuiltinUnderstander, text: str) -> None:
    assert emergency_signal(normalise(text)) is None  # no rule knows it
    got = small.understand_now(text)
    assert got.emergency
    assert got.intent is Intent.REPAIR and got.category is not None and not got.category_choices
    assert not got.unsure  # an emergency is never asked about


@pytest.mark.parametrize(
    "text",
    [
        "the rotten egg smell last week turned out to be the drains",  # the past
        "if there is a rotten egg smell in the corridor who do I call",  # an "if" question
        "I want to complain, nobody came about the rotten egg smell",  # a complaint
        "no rotten egg smell in the corridor any more",  # a denial
        "上次走廊臭雞蛋味原來係渠",  # the past
        "如果楼道里有臭鸡蛋味怎么办",  # an "if" question
    ],
)
def test_a_not_emergency_cue_overrides_the_learned_score(small: BuiltinUnderstander, text: str) -> None:
    assert small.emergency_probability(text) >= SETTINGS.emergency_threshold  # the score alone would flag it
    assert not_emergency_cue(normalise(text))
    assert not small.understand_now(text).emergency


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("smell of burning every night from next door, they burn joss paper in a bin", True),
        ("樓下燒烤場啲煙吹晒入屋", True),
        ("好似有人喺樓梯燒嘢，啲煙好嗆，唔似燒香", False),  # the source is denied
        ("smoke in the corridor and it's not a barbecue", False),
        ("the barbecue set the balcony on fire", False),  # a source explains smoke, not flames
    ],
)
def test_a_named_harmless_source_is_a_cue(text: str, cue: bool) -> None:
    assert not_emergency_cue(normalise(text)) is cue


def test_a_head_sure_enough_stands_against_a_cue() -> None:
    text = "the rotten egg smell last week turned out to be the drains"
    sure = BuiltinUnderstander(SMALL, ModelSettings(emergency_threshold=0.5, emergency_cue_override=0.5))
    assert not_emergency_cue(normalise(text)) and sure.emergency_probability(text) >= 0.5
    assert sure.understand_now(text).emergency  # the head at the override level flags past the cue
    cautious = BuiltinUnderstander(SMALL, ModelSettings(emergency_threshold=0.5, emergency_cue_override=1.0))
    assert not cautious.understand_now(text).emergency


def test_the_chosen_cue_override_has_the_fewest_errors() -> None:
    o = EmergencyOutcome
    outcomes = [
        *[o(True, True, False, 0.9)] * 50,  # clear: the rules flag them
        *[o(True, False, True, 0.82)] * 8,  # the danger back beside its past: a cue, the head sure
        *[o(False, False, True, 0.72)] * 3,  # the past told vividly: a cue, the head fairly sure
        *[o(True, False, True, 0.66)] * 1,
        *[o(False, False, True, 0.2)] * 200,  # the past, the head unmoved
        *[o(False, False, False, 0.01)] * 738,
    ]
    rates = {r.threshold: r for r in cue_override_grid(outcomes, 0.5)}
    assert rates[1.0].misses == 9 and rates[1.0].false_alarms == 0  # the cue always standing
    assert rates[0.6].misses == 0 and rates[0.6].false_alarms == 3
    assert rates[0.75].misses == 1 and rates[0.75].false_alarms == 0
    # 0.75 and 0.8 make 1 error, 0.6 makes 3 and 1.0 makes 9: of the fewest, the higher level, where a cue stands more.
    assert choose_cue_override(outcomes, 0.5).threshold == 0.8


def test_below_the_threshold_the_score_flags_nothing() -> None:
    strict = BuiltinUnderstander(SMALL, ModelSettings(emergency_threshold=1.01))
    assert not strict.understand_now("strong rotten egg smell outside 12B").emergency


# The shipped model, on wordings written for this test that no rule knows. (Its head reaches about half of
# such wordings out of fold, see bot/nlu/data/README.md: these are a check that it is wired in, not a score.)
@pytest.mark.parametrize(
    "text",
    [
        "the fuse box is popping and glowing orange",
        "a child is inside lift 2 and it won't move, he is crying",
        # (Was "插座發黑仲有啪啪聲" until stop 48, when the rules learned a socket crackling in Chinese.)
        "插座黑了一大块还滋滋响",
    ],
)
def test_the_shipped_model_flags_emergencies_no_rule_knows(model: BuiltinUnderstander, text: str) -> None:
    assert emergency_signal(normalise(text)) is None
    got = model.understand_now(text)
    assert got.emergency and got.intent is Intent.REPAIR


@pytest.mark.parametrize(
    "text",
    [
        "the fuse box was popping and glowing orange last night, it's fine now",
        "if a child is ever inside a lift that won't move, what do I do",
        "插座上個月發黑仲有啪啪聲，已經換咗",
        "投訴上次大門底湧水出走廊冇人理",
    ],
)
def test_the_shipped_model_does_not_flag_their_look_alikes(model: BuiltinUnderstander, text: str) -> None:
    assert not model.understand_now(text).emergency


@pytest.mark.parametrize(
    "text",
    [
        "someone is trapped in lift 3, the door won't open",
        "有人困咗喺𨋢入面",
        "厨房煤气泄漏，味道很大",
        "burst pipe, water pouring everywhere in 12B",
    ],
)
def test_the_shipped_model_keeps_the_rules_on_clear_emergencies(model: BuiltinUnderstander, text: str) -> None:
    assert model.understand_now(text).emergency


def test_the_chosen_threshold_has_the_fewest_errors_under_the_false_alarm_cap() -> None:
    o = EmergencyOutcome
    outcomes = [
        *[o(True, True, False, 0.9)] * 50,  # clear: the rules flag them
        *[o(True, False, False, 0.55)] * 10,  # told indirectly: only the head, and only at 0.55
        *[o(False, False, False, 0.5)] * 6,  # calm look-alikes the head half-believes
        *[o(False, False, True, 0.8)] * 4,  # the head believes them but a cue says no ("last week")
        *[o(False, False, False, 0.01)] * 930,
    ]
    chosen = choose_emergency_threshold(outcomes)
    assert chosen.threshold == 0.55 and chosen.misses == 0 and chosen.false_alarms == 0
    assert emergency_rates(outcomes, 0.5).false_alarms == 6 and emergency_rates(outcomes, 0.6).misses == 10


def test_fewer_errors_do_not_win_over_the_false_alarm_cap() -> None:
    o = EmergencyOutcome
    outcomes = [
        *[o(True, False, False, 0.45)] * 40,  # only the head finds them, at 0.45
        *[o(False, False, False, 0.45)] * 15,  # and as many calm messages with them: 1.6% false alarms
        *[o(False, False, False, 0.01)] * 945,
    ]
    assert emergency_rates(outcomes, 0.45).errors == 15  # the fewest errors, but over 1% false alarms
    chosen = choose_emergency_threshold(outcomes)
    assert chosen.threshold > 0.45 and chosen.false_alarm_rate < 0.01


# The veto head sees the rules' view of a message beside its words. Here the rules' "sparks" fires on a heated
# argument as on a burning socket; the data says which is which.
VETO = [
    *SMALL,
    Example("sparks flying over the fee increase again", Intent.OTHER, None, None, None),
    Example("sparks are flying over the new parking rules", Intent.OTHER, None, None, None),
    Example("sparks flew over who pays for the lift works, who won", Intent.OTHER, None, None, None),
    Example("so many sparks flying over the renovation hours today", Intent.OTHER, None, None, None),
    Example("sparks flying over the mahjong table haha", Intent.OTHER, None, None, None),
    Example("sparks flying from the socket in the kitchen", R, "electrical", None, None, True),
    Example("sparks coming out of the meter box, please come", R, "electrical", None, None, True),
    Example("the switch is throwing sparks and smells burnt", R, "electrical", None, None, True),
    Example("sparks and smoke from the plug behind the fridge", R, "electrical", None, None, True),
    Example("sparks from the corridor light fitting right now", R, "electrical", None, None, True),
]


@pytest.fixture(scope="module")
def vetoing() -> BuiltinUnderstander:
    return BuiltinUnderstander(VETO, ModelSettings(emergency_threshold=0.5, emergency_veto_below=0.5))


def test_the_veto_head_drops_a_rule_that_fires_out_of_context(vetoing: BuiltinUnderstander) -> None:
    text = "sparks flying over the parking fee increase again this month, can the office send everyone the minutes"
    assert emergency_signal(normalise(text)) is not None  # the rules alone would page the duty team
    assert vetoing.veto_probability(text) < 0.5
    assert not vetoing.understand_now(text).emergency


def test_the_veto_head_keeps_what_the_rules_flag_in_its_context(vetoing: BuiltinUnderstander) -> None:
    text = "sparks flying from the socket in the bedroom, smoke everywhere"
    assert vetoing.veto_probability(text) >= 0.5
    assert vetoing.understand_now(text).emergency


def test_a_short_message_is_never_vetoed(vetoing: BuiltinUnderstander) -> None:
    """A short message that trips a rule has no context to weigh: the rule stands whatever the veto head says."""
    text = "sparks flying over the fees"
    assert message_words(normalise(text)) < vetoing.settings.veto_min_words
    assert vetoing.veto_probability(text) < 0.5
    assert vetoing.understand_now(text).emergency


def test_without_a_veto_head_the_rules_stand() -> None:
    plain = BuiltinUnderstander(VETO, ModelSettings(emergency_threshold=0.5, emergency_veto_below=0.0))
    text = "sparks flying over the parking fee increase again this month, can the office send everyone the minutes"
    assert plain.veto_probability(text) == 1.0
    assert plain.understand_now(text).emergency


def test_the_veto_grid_counts_what_each_level_would_drop() -> None:
    o = EmergencyOutcome
    outcomes = [
        *[o(True, True, False, 0.2, 0.9)] * 30,  # the rules flag them and the veto head agrees
        *[o(True, True, False, 0.1, 0.35)] * 2,  # the rules flag them, the veto head is unsure
        *[o(False, True, False, 0.1, 0.05)] * 5,  # the rules' false alarms, which the veto head sees through
        *[o(False, False, False, 0.01, 0.01)] * 963,
    ]
    assert (0.3, 0, 5) in veto_grid(outcomes) and (0.4, 2, 5) in veto_grid(outcomes)
    assert emergency_rates(outcomes, 0.5).false_alarms == 5
    vetoed = emergency_rates(outcomes, 0.5, veto_below=0.3)
    assert vetoed.false_alarms == 0 and vetoed.misses == 0
    assert emergency_rates(outcomes, 0.5, veto_below=0.4).misses == 2


@pytest.mark.parametrize(
    "text",
    [
        "lol my phone is flooded with group chat messages about the AGM again, can someone summarise them for me",
        "sparks flew at the owners meeting over the fee increase, when are the minutes out",
        "thank-you cards pouring in for the night guard, can we put them up in the lobby",
        "最近手頭緊，真係水浸眼眉，管理費可唔可以分期俾？",
        "Who left the cardboard boxes in the stairwell? fire hazard",
    ],
)
def test_the_shipped_model_takes_no_figure_of_speech_for_an_emergency(model: BuiltinUnderstander, text: str) -> None:
    assert not model.understand_now(text).emergency


def test_the_grids_leave_short_messages_to_the_rules() -> None:
    o = EmergencyOutcome
    outcomes = [
        *[o(True, True, False, 0.1, 0.2, words=5)] * 3,  # "gas leak in the corridor": short, the rules stand
        *[o(False, True, False, 0.1, 0.2, words=20)] * 4,  # a figure of speech in a long sentence
        *[o(False, False, False, 0.01, 0.01)] * 993,
    ]
    assert veto_grid(outcomes) == [(v, 3 if v > 0.2 else 0, 4 if v > 0.2 else 0) for v in EMERGENCY_VETOES]
    assert (0.5, 0, 4) in veto_grid(outcomes, min_words=12)
    rates = emergency_rates(outcomes, 0.5, veto_below=0.5, min_words=12)
    assert rates.misses == 0 and rates.false_alarms == 0
