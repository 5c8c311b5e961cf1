"""The lexicon's concepts cover regional and colloquial words, each a real synonym class."""

from __future__ import annotations

import pytest

from bot.nlu.lexicon import concepts
from bot.nlu.model import english_words
from bot.nlu.normalise import normalise


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("部較又壞咗", "elevator"),
        # Hong Kong English and mainland words added with the fourth round of data.
        ("kids running and jumping above us every night", "noise"),
        ("somebody practising drums after 11pm", "noise"),
        ("樓上成晚拖櫈", "noise"),
        ("the CSO at the counter ignored me", "staff"),
        ("estate office never pick up the phone", "staff"),
        ("staircase full of dust and spider webs", "cleanliness"),
        ("the ramp at the entrance has a pothole", "common_area"),
        ("corridor carpet torn near the lift", "common_area"),
        ("can I settle the quarter in one go", "bill"),
        ("sorry wrong chat pls ignore", "enquiry"),
        ("strangers hanging around the rooftop, not residents", "security"),
        ("家里空开又跳了", "electrical"),
        ("踢脚线和地砖之间有缝", "structure"),
        ("单元门刷卡刷不开", "doors"),
        ("嗰部較成日停", "elevator"),
        ("escalator at the mall entrance stopped", "elevator"),
        ("熱水爐冇熱水", "plumbing"),
        ("坑渠好臭", "plumbing"),
        ("光管閃下閃下", "electrical"),
        ("抽氣扇唔轉", "electrical"),
        ("鐵閘門鉸甩咗", "doors"),
        ("外牆石屎剝落", "structure"),
        ("衣櫃門甩咗", "structure"),
        ("the kitchen cupboard hinge came off", "structure"),
        ("elavator not working", "elevator"),
        ("轉數快入咗數未", "bill"),
        ("電錶仲剩幾多度電", "bill"),
        ("收到律師信", "bill"),
        ("按金幾時退", "bill"),
        ("got a lawyer's letter about arrears", "bill"),
        ("後樓梯垃圾冇人掃", "cleanliness"),
        ("bins overflowing by the podium", "cleanliness"),
        ("升降機大堂成個禮拜冇拖地", "cleanliness"),
        ("someone smashed the glass door of the lobby", "security"),
        ("樓上晾衫滴水落嚟", "neighbour"),
        ("物业公司推来推去", "staff"),
        ("the doorman is never at his post", "staff"),
        ("有人霸位泊車", "parking"),
        ("someone double parked outside the lobby", "parking"),
        ("凌晨仲有人彈琴", "noise"),
        ("the fire door is propped open all day", "security"),
        ("唔該晒你哋", "small_talk"),
        ("many thanks for your help", "small_talk"),
        ("業主群有冇通告", "enquiry"),
        ("說了幾次都沒人處理", "complain"),
        ("nobody ever fixes anything here", "complain"),
        # A matter already reported: its status, its visit, its cancellation.
        ("星期二報咗個熱水爐 有冇人跟呀", "followup"),
        ("上周报的晾衣架什么时候来修", "followup"),
        ("is the plumber still coming this afternoon for the sink", "followup"),
        ("can we move the electrician to another day, thursday is bad", "followup"),
        ("the toilet flushes fine now, please cancel", "followup"),
        ("電提又壞咗", "elevator"),
    ],
)
def test_regional_and_colloquial_words(text: str, concept: str) -> None:
    assert concept in concepts(normalise(text))


@pytest.mark.parametrize("text", ["比較好", "我覺得比较贵"])
def test_ordinary_words_are_no_concept(text: str) -> None:
    """較 is a lift only after a measure word ("部較"); "比較" (rather) is not one."""
    assert "elevator" not in concepts(normalise(text))


@pytest.mark.parametrize(
    "text", ["我要报修 厨房水龙头漏水", "水管爆了快来", "the bathroom fan is dead, please send someone"]
)
def test_a_first_report_is_no_followup(text: str) -> None:
    assert "followup" not in concepts(normalise(text))


@pytest.mark.parametrize("text", ["停电提醒几点发", "供电提供商是哪家"])
def test_power_words_before_ti_are_no_lift(text: str) -> None:
    """电提 is 电梯 typed by its sound, not 电 followed by 提醒 or 提供."""
    assert "elevator" not in concepts(normalise(text))


def test_english_words() -> None:
    assert english_words(normalise("The lift's door won't close, 3座")) == ["the", "lift's", "door", "won't", "close"]
