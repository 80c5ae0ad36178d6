"""The sample briefing "Human Rights Between Summits", after the Ridgway memorandum (001).

Each section names its kind and either literal paragraphs (Markdown) or library entries to
copy in — by talking-point title, counter-argument topic, case-list key or goal tier — so the
briefing exercises every section kind and every way an item can arrive.
"""

from __future__ import annotations

from briefer.sample.facts import SS, U

BRIEFING = {
    "title": "Human Rights Between Summits",
    "subject": "Human Rights Between Summits: Some Thoughts",
    "memo_kind": "information memo",
    "from_line": "EUR — Rozanne L. Ridgway",
    "to_line": "The Secretary",
    "status": "in clearance",
    "base_marking": SS,
    "classified_by": "Rozanne L. Ridgway, Assistant Secretary, EUR",
    "classification_reason": "1.3(a)(5), foreign relations",
    "declassify_on": "OADR",
    "eo_line": "E.O. 12356: DECL: OADR",
    "tags": "SHUM, PREL, UR, US",
    "numbered_paragraphs": True,
    "drafted_by": "EUR/SOV/SOVI: Grossman and Lang",
    "drafted_on": "1987-12-19",
    "approved_by": "EUR: Rozanne L. Ridgway",
    "summary": (
        "Soviet human rights policy and practice is in a fluid, in some ways paradoxical state. "
        "Overall Soviet human rights performance has improved over last year, yet progress "
        "seems to have hit a plateau and in some areas even rolled back. Soviet officials are "
        "demonstrating an unprecedented willingness to discuss the full range of human rights "
        "with us in bilateral meetings. Yet they may become victims of their own success: "
        "Western expectations raised by Soviet actions and promises to date are so high it "
        "will be hard to meet them."
    ),
}

CLEARANCES = [
    ("EUR/SOV/SOVI", "", "cleared"),
    ("EUR/SOV", "", "cleared"),
    ("EUR/RPM", "", "cleared"),
    ("EUR", "", "pending"),
]

# (kind, title, intro, content) — content is a list of literal paragraphs (marking, text),
# or a ("library", kind, selector) reference resolved by the builder.
SECTIONS = [
    (
        "summary",
        "Purpose of This Paper",
        "",
        [
            (
                SS,
                "This paper outlines where we have come so far in our human rights dialogue with "
                "the Soviet leadership and suggests a strategy for maximizing our gains in this "
                "inter-summit period.",
            ),
        ],
    ),
    (
        "background",
        "Background",
        "",
        [
            (
                SS,
                "Since the Reykjavik summit, the Soviet Union has made undeniable strides in the "
                "area of human rights. Early this year, the Soviets:\n\n"
                "- Increased the Jewish emigration rate, which now has reached a plateau of "
                "**700–900 per month**;\n"
                "- Permitted greater general freedom of movement;\n"
                "- Released more than 250 political prisoners;\n"
                "- Ceased jamming BBC and Voice of America broadcasts;\n"
                "- Sharply reduced the number of arrests and convictions on political and "
                "religious grounds.",
            ),
            (
                SS,
                "In general, however, the Soviets have failed to give permanency to the steps they "
                "have taken by making appropriate changes in their laws or procedures. What they "
                "have delivered is relatively little: an end to *internal exile* as a punishment, "
                "the transfer of special psychiatric hospitals to the Ministry of Health, and a "
                "slightly more flexible attitude toward the relatives' permission requirement.",
            ),
            (
                SS,
                "The Soviets have slowed their progress, or even retreated, in the following "
                "areas:\n\n"
                "- They have failed to release the remaining political and religious prisoners;\n"
                "- This fall they harshly repressed demonstrations similar to those tolerated in "
                "the summer;\n"
                "- They have recently stepped up harassment of leaders of informal groups.",
            ),
        ],
    ),
    (
        "objectives",
        "Objectives",
        "To forestall further retreats and to ensure that the change "
        "is long-lasting, we have urged the Soviets to institutionalize their human rights "
        "progress:",
        [
            (
                SS,
                "A significant increase in emigration, involving a repeal of the requirement of "
                "all applicants to receive permission of all relatives.",
            ),
            (
                SS,
                "Release of all remaining political and religious prisoners, including those in "
                "psychiatric institutions.",
            ),
            (SS, "Resolution of all remaining cases on the U.S. Government's representation list."),
            (SS, "Continued unjamming of foreign radio broadcasts."),
            (SS, "Expanded freedoms for religious believers."),
        ],
    ),
    (
        "talking points",
        "Talking Points for the Secretary",
        "",
        (
            "library",
            "point",
            [
                "Emigration has reached a plateau",
                "Repeal the relatives' permission requirement",
                "Codify the rules on secrecy refusals",
                "Release all remaining political and religious prisoners",
                "Repeal the articles used against dissidents",
                "Jamming of RFE/RL continues",
                "Institutionalise the reforms",
                "Keep the lists few, small and accurate",
            ],
        ),
    ),
    (
        "counter-arguments",
        "Anticipated Soviet Counterpunches",
        "The Soviets have stepped up their counterattacks and come prepared with voluminous "
        "materials. We should expect the following:",
        (
            "library",
            "counter",
            [
                "The United States is not the prosecutor and the Soviet Union is not the accused.",
                "What about the unemployed and the homeless in the United States?",
                "Your lists are out of date: these cases were resolved long ago.",
                "Our changes are made for purely domestic reasons.",
                "A humanitarian conference in Moscow would prove our commitment.",
            ],
        ),
    ),
    (
        "case list",
        "Case Review: Representation List",
        "The Soviets review all lists we provide and respond with status updates, although the "
        "information they provide is frequently out-of-date or simply false.",
        ("library", "list", "representation"),
    ),
    (
        "case list",
        "Category Statement: All Known Refuseniks",
        "We present this list as a statement: we do not expect a read-out on each case but are "
        "simply seeking the resolution of the entire category.",
        ("library", "list", "refuseniks"),
    ),
    (
        "public diplomacy",
        "Public Diplomacy: Dispelling False Impressions",
        "Some human rights organizations are disappointed with the summit results. We should "
        "dispel this notion by making the following points:",
        ("library", "pd", None),
    ),
    ("progress", "Progress Against Our Goals", "", ("library", "goal", None)),
    (
        "recommendations",
        "Strategy Leading Up to the Next Summit",
        "",
        [
            (
                SS,
                "**Resist Soviet attempts to sidetrack or trivialize our human rights dialogue.** "
                "Concentrate high-level meetings on civil and political liberties and on "
                "emigration; refer social questions to expert talks.",
            ),
            (
                SS,
                "**Continue to press on institutionalization of reforms.** Institutional changes "
                "affect large numbers of persons and make progress more difficult to reverse.",
            ),
            (
                SS,
                "**Coordinate fora** so that we convey the same signals and priorities across the "
                "board.",
            ),
            (
                SS,
                "**Make case review more systematic.** Keep the number of lists to a minimum, at a "
                "manageable size, and accurate.",
            ),
            (
                SS,
                "**Respond to Soviet proposals on cooperation**, but make it clear these "
                "activities are no substitute for concrete progress.",
            ),
            (
                SS,
                "**Use public diplomacy to dispel false impressions** about the place of human "
                "rights in the relationship.",
            ),
        ],
    ),
    (
        "conditions",
        "Conditions for a Moscow Humanitarian Conference",
        "The terms we have specified to the Soviets, a list meant to be not exhaustive:",
        [
            (
                SS,
                "The conference itself must be totally free: exiles granted visas to attend, "
                "dissidents allowed access, Western reporters free to move.",
            ),
            (SS, "Release of political prisoners, first and foremost."),
            (SS, "Emigration must be freed up."),
            (SS, "Radio jamming must cease."),
        ],
    ),
    (
        "free text",
        "Coordinating the Fora",
        "",
        [
            (
                SS,
                "We regularly review human rights issues in the Bilateral Review Commission, in "
                "periodic case review meetings in Moscow, at the CSCE meeting in Vienna, and in all "
                "high-level meetings between U.S. and Soviet officials.",
            ),
            (
                U,
                "Public statements should acknowledge progress where it is real, as the President "
                "has done on emigration.",
            ),
        ],
    ),
]
