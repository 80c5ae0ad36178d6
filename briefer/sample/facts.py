"""The sample workspace's content, written from the five declassified papers (1977–1987).

Everything here is stated in, or paraphrased from, those papers: the 1987 memoranda from
Schifter (goals and progress) and Ridgway ("Human Rights Between Summits"), the 1977 country
action plan cable, the 1986 read-out of the Kashlev meeting and the 1987 NSC memorandum on a
Moscow conference. The one real person among the cases (Shcharanskiy) carries only what the
papers say of him; every other case is fictional and says so.
"""

from __future__ import annotations

AS_OF = "1987-12-20"

S = "SECRET"
SS = "SECRET/SENSITIVE"
C = "CONFIDENTIAL"
U = "UNCLASSIFIED"

# Papers cited as sources (short forms used in status events and observations).
SCHIFTER_1987 = "Information memorandum, Schifter to Shultz, 1987"
RIDGWAY_1987 = "Information memorandum, Ridgway to Shultz, Dec 1987"
CABLE_1977 = "Telegram State 139375 to Moscow, June 1977"
KASHLEV_1986 = "Information memorandum, Schifter to Shultz, Aug 1986"
RODMAN_1987 = "NSC memorandum, Rodman to Carlucci, 1987"

# ------------------------------------------------------------------ events
# (key, title, kind, starts_on, ends_on, location, principal, counterpart, notes)
EVENTS = [
    (
        "reykjavik",
        "Reykjavik summit",
        "summit",
        "1986-10-11",
        "1986-10-12",
        "Reykjavik",
        "President Reagan",
        "General Secretary Gorbachev",
        "",
    ),
    (
        "washington",
        "Washington summit",
        "summit",
        "1987-12-08",
        "1987-12-10",
        "Washington",
        "President Reagan",
        "General Secretary Gorbachev",
        "More than 12 hours of talks on human rights, including productive case review.",
    ),
    (
        "next_summit",
        "Next U.S.–Soviet summit",
        "summit",
        "1988-06-01",
        None,
        "Moscow",
        "President Reagan",
        "General Secretary Gorbachev",
        "Date not yet set: the start date is a placeholder for planning (sample).",
    ),
    (
        "vienna",
        "Vienna CSCE follow-up meeting",
        "multilateral meeting",
        "1987-07-31",
        None,
        "Vienna",
        "Ambassador Zimmermann",
        "Soviet delegation",
        "In session; date from the press conference reported by telegram 11072 of July 31.",
    ),
    (
        "case_review",
        "Case review session, Moscow",
        "case review",
        "1987-11-17",
        None,
        "Moscow",
        "Embassy Moscow",
        "Soviet MFA Consular Administration",
        "Periodic case review between our diplomats and their Soviet counterparts. "
        "The date is illustrative (sample).",
    ),
    (
        "kashlev",
        "Meeting with Ambassador Kashlev",
        "other",
        "1986-08-01",
        None,
        "",
        "Assistant Secretary Schifter",
        "Ambassador Kashlev",
        "With EUR DAS Tom Simons; Kashlev heads the new MFA Administration of Humanitarian and "
        "Cultural Affairs.",
    ),
    (
        "shevardnadze",
        "Shultz–Shevardnadze meeting",
        "ministerial",
        "1986-09-23",
        None,
        "",
        "Secretary Shultz",
        "Foreign Minister Shevardnadze",
        "Date of the Department's summary telegram 299682.",
    ),
]

# ------------------------------------------------------------------ talking points
# (topic, title, body, marking)
TALKING_POINTS = [
    (
        "Emigration",
        "Emigration has reached a plateau",
        "Jewish emigration has risen to a plateau of **700–900 per month**; emigration of Armenians "
        "and ethnic Germans has increased significantly.",
        SS,
    ),
    (
        "Emigration",
        "Our minimum immediate goal is 10,000 a year",
        "Emigration has been stepped up to an annual rate just short of our minimum immediate goal "
        "of 10,000, but there is no present indication of an intent to go further.",
        S,
    ),
    (
        "Emigration",
        "Repeal the relatives' permission requirement",
        "We seek a significant increase in emigration, involving a repeal of the requirement that "
        "all applicants receive the permission of all relatives.",
        SS,
    ),
    (
        "Emigration",
        "Codify the rules on secrecy refusals",
        "Liberalise and codify the laws and regulations governing refusals on grounds of secrecy; "
        "the Soviets have said on several occasions that they are considering changes in the way "
        'they deal with "state security" refusals.',
        SS,
    ),
    (
        "Emigration",
        "The 1986 Emigration Decree is unchanged",
        "There is no present indication of any likely change in the 1986 Emigration Decree, which "
        "requires invitations from immediate relatives.",
        C,
    ),
    (
        "Emigration",
        "Emigration as an escape valve",
        "Besides the general principle of the right to leave one's country, emigration provides an "
        "escape valve for dissenters who would otherwise face harsh punishment.",
        C,
    ),
    (
        "Political prisoners",
        "Release all remaining political and religious prisoners",
        "More than 250 political prisoners have been released, but the remaining political and "
        "religious prisoners — known to be in the hundreds and estimated to be in the thousands — "
        "have not.",
        SS,
    ),
    (
        "Political prisoners",
        "Repeal the articles used against dissidents",
        "We ask for repeal of the political and religious criminal-code articles on which many "
        "prisoners were convicted; the Soviets have told us they are considering such changes.",
        SS,
    ),
    (
        "Political prisoners",
        "About 30% of known prisoners of conscience released",
        "Perhaps as many as 30% of the known prisoners of conscience have been released; close to "
        '100 of those known to us, serving long sentences for "anti-Soviet agitation and '
        'propaganda", will not be.',
        S,
    ),
    (
        "Political prisoners",
        "Internal exile has ended as a punishment",
        "The Soviets have ended the use of internal exile as a punishment — one of the few "
        "institutional reforms actually delivered.",
        C,
    ),
    (
        "Religious freedom",
        "Expanded freedoms for religious believers",
        "We continue to urge expanded freedoms for religious believers; there has been talk of "
        "limited changes, but no evident intent to change the scheme of state control of "
        "religion.",
        S,
    ),
    (
        "Religious freedom",
        "Release of religious activists",
        "There have been hints that persons imprisoned for religious activism may soon be released. "
        "We will judge by releases, not hints.",
        C,
    ),
    (
        "Psychiatric abuse",
        "Special psychiatric hospitals",
        "The transfer of the special psychiatric hospitals from the Ministry of the Interior to the "
        "Ministry of Health is welcome; we look for the release of those held for political "
        "reasons.",
        C,
    ),
    (
        "Psychiatric abuse",
        "End the abuse of psychiatry",
        "There has been some indication that abuses of psychiatry may be brought to an end. Those "
        "held in psychiatric institutions for their beliefs must be released.",
        S,
    ),
    (
        "Radio jamming",
        "Jamming of RFE/RL continues",
        "The jamming of the BBC and the Voice of America has ceased; the jamming of Radio Free "
        "Europe/Radio Liberty continues and should end.",
        C,
    ),
    (
        "Radio jamming",
        "Keep foreign broadcasts unjammed",
        "We ask for continued unjamming of foreign radio broadcasts as a condition of any "
        "humanitarian conference in Moscow.",
        S,
    ),
    (
        "Divided families",
        "Divided families and separated spouses",
        "A few separated-spouse, divided-family and dual-national cases have been resolved this "
        "year. The pace is excruciatingly slow.",
        C,
    ),
    (
        "Divided families",
        "Eighteen years of representation lists",
        "We have presented representation lists of divided families for eighteen years, and some "
        "progress has been made through persistent effort.",
        U,
    ),
    (
        "Travel",
        "Freedom of movement",
        "More Soviet citizens may travel to the West as tourists, and more former Soviet citizens "
        "may return for a visit.",
        U,
    ),
    (
        "Travel",
        "Relaxation of controls on foreign travel",
        "There has been some relaxation in controls on foreign travel; it should be written into "
        "law and regulation.",
        C,
    ),
    (
        "Freedom of expression",
        "Glasnost within limits",
        "Bureaucratic failings may now be freely discussed, but only within the accepted framework "
        "of Marxist-Leninist doctrine.",
        S,
    ),
    (
        "Freedom of expression",
        "Dissent is harassed, not imprisoned",
        "Dissent within certain clearly defined limits is no longer punished with imprisonment, "
        "although it is interfered with through harassment, detainment or confiscation.",
        S,
    ),
    (
        "Freedom of expression",
        "Crackdown on demonstrations this fall",
        "This fall the authorities harshly repressed demonstrations similar to those tolerated in "
        "the summer, arresting and beating demonstrators and in one case detaining a Western news "
        "correspondent.",
        SS,
    ),
    (
        "Freedom of expression",
        "Harassment of informal groups",
        "Thousands of informal discussion groups have been tolerated, but harassment of their "
        "leaders has recently been stepped up.",
        SS,
    ),
    (
        "Freedom of expression",
        "Foreign literature",
        "There has been no appreciable change in controls on the importation of foreign "
        "literature.",
        C,
    ),
    (
        "Treaty compliance",
        "Full compliance with the Helsinki Final Act",
        "Full compliance with the provisions of the Helsinki Final Act remains our long-range goal, "
        "and it is well over the horizon.",
        U,
    ),
    (
        "Treaty compliance",
        "Institutionalise the reforms",
        "Institutional changes are our first concern: they affect large numbers of people whose "
        "names are unknown in the West, and they make progress harder to reverse.",
        SS,
    ),
    (
        "Treaty compliance",
        "Promises are not implementation",
        "The Soviets have promised reforms of the criminal code and of secrecy refusals for "
        "months; what they have delivered is relatively little. We have solid grounds to press for "
        "action.",
        SS,
    ),
    (
        "Case review",
        "Representation list resolution",
        "We seek resolution of all remaining cases on the U.S. Government's representation list.",
        S,
    ),
    (
        "Case review",
        "Raise cases privately first",
        "Raise cases privately with the Soviets before going public, to forewarn them of our "
        "concern and give them a chance to act with restraint.",
        C,
    ),
    (
        "Case review",
        "Give credit when it is due",
        "Give the Soviets credit and encouragement publicly when they act positively, while "
        "pointing out where further progress is needed.",
        C,
    ),
    (
        "Case review",
        "Keep the lists few, small and accurate",
        "Keep the number of lists to a minimum, keep them manageable, be sure they are accurate, "
        "and give priority to cases of particular interest to the U.S. Government.",
        SS,
    ),
    (
        "Multilateral fora",
        "Coordinate the fora",
        "We review human rights in the Bilateral Review Commission, in case review meetings in "
        "Moscow, at the CSCE meeting in Vienna and in all high-level meetings; the signals and "
        "priorities must be the same in each.",
        SS,
    ),
    (
        "Multilateral fora",
        "Bilateral cooperation is no separate deal",
        "Bilateral cooperation on human rights lays a firmer foundation for multilateral work; it "
        "does not replace it, and it is no separate deal.",
        S,
    ),
    (
        "Multilateral fora",
        "Conditions for a Moscow conference",
        "Conditions for a humanitarian conference in Moscow: the conference itself totally free, "
        "release of political prisoners, freer emigration, and an end to radio jamming.",
        C,
    ),
]

# ------------------------------------------------------------------ counter-arguments
# (topic, they may say, we respond, marking)
COUNTER_ARGUMENTS = [
    (
        "Two-way street",
        "The United States is not the prosecutor and the Soviet Union is not the accused.",
        "Human rights are an international concern, not a bilateral accusation. They "
        "form an integral part of our relationship and will not go away.",
        S,
    ),
    (
        "Social conditions",
        "What about the unemployed and the homeless in the United States?",
        "We are ready to have experts discuss social questions in talks arranged for that purpose. "
        "Meetings surrounding a summit should concentrate on civil and political liberties and on "
        "emigration.",
        S,
    ),
    (
        "Social conditions",
        "Soviet citizens have more square metres of housing than you think.",
        "Housing statistics belong in expert talks, which can be arranged; they are not "
        "appropriate to a summit.",
        C,
    ),
    (
        "Immigration",
        "The United States turns away people arriving from Mexico every year.",
        "Immigration is a subject for experts. Our concern is the right to leave one's own country, "
        "which the Helsinki Final Act guarantees.",
        C,
    ),
    (
        "Economic and social rights",
        "The West violates economic and social rights: unemployment, "
        "racial problems, high medical and educational costs.",
        "We acknowledge the importance of "
        "economic and social rights, in the context of our free-enterprise system; they do not "
        "excuse the denial of civil and political rights.",
        C,
    ),
    (
        "Reform",
        "Our changes are made for purely domestic reasons.",
        "Some changes are indeed "
        "domestic; others clearly respond to foreign criticism. Either way, they should be "
        "institutionalised in law so they cannot be reversed.",
        S,
    ),
    (
        "Resolved cases",
        "Your lists are out of date: these cases were resolved long ago.",
        "We welcome every resolution and will update our lists. We keep them few, small and "
        "accurate, and we ask for a written reply on each case that remains.",
        SS,
    ),
    (
        "Emigration",
        "Jews are treated no differently from any other Soviet citizen in emigration.",
        "Then apply the same liberal rules to all: repeal the relatives' permission "
        "requirement and codify the rules on secrecy refusals.",
        C,
    ),
    (
        "Political prisoners",
        "There are political prisoners in the West too.",
        "Name them and we "
        "will discuss them. Meanwhile hundreds of known prisoners remain in Soviet camps for what "
        "they said or believed.",
        C,
    ),
    (
        "Moscow conference",
        "A humanitarian conference in Moscow would prove our commitment.",
        "A conference is no substitute for concrete progress. Our conditions stand: a totally free "
        "conference, release of political prisoners, freer emigration, an end to jamming.",
        C,
    ),
    (
        "Reform",
        "Internal exile has been abolished and psychiatric hospitals moved to the "
        "Ministry of Health: what more do you want?",
        "We welcome both. We now look for changes in "
        "the criminal code and in the handling of secrecy refusals, which you have promised for "
        "months.",
        S,
    ),
    (
        "Two-way street",
        "You raise human rights to undermine our political system.",
        "Our aim is respect for internationally accepted standards, not a change of your system. "
        "Progress here makes the whole relationship more productive.",
        C,
    ),
]

# ------------------------------------------------------------------ public diplomacy (001 §23)
PUBLIC_DIPLOMACY = [
    ("Summit", "Human rights was at the top of our agenda for the summit."),
    (
        "Summit",
        "We conducted more than 12 hours of talks with the Soviets on human rights "
        "issues, including productive case review.",
    ),
    (
        "Summit",
        "The brief reference to human rights in the joint statement reflects fundamental "
        "differences in how we and the Soviets view our human rights obligations.",
    ),
    (
        "Summit",
        "Nevertheless, it is the first time human rights has been acknowledged to form a "
        "part of the U.S.–Soviet dialogue in such an authoritative way.",
    ),
    ("Resolve", "Our resolve to advance human rights certainly has not diminished."),
    (
        "Resolve",
        "On the contrary, we have stressed to the Soviets that human rights issues form "
        "an integral part of the bilateral relationship. They will not go away.",
    ),
]

# ------------------------------------------------------------------ goals (000)
# (tier, text, assessment, note, marking, [indicators])
# indicator: (name, unit, target, target note, [(date, value, source, note)])
GOALS = [
    (
        "immediate",
        "Release of prisoners of conscience",
        "progress",
        "Additional releases have been promised; close to 100 known prisoners will not be "
        "released.",
        S,
        [
            (
                "Known prisoners of conscience released",
                "%",
                100.0,
                "all known prisoners",
                [("1987-11-01", 30.0, SCHIFTER_1987, '"perhaps as many as 30%"')],
            ),
            (
                "Political prisoners released since Reykjavik",
                "persons",
                None,
                "",
                [("1987-12-19", 250.0, RIDGWAY_1987, '"more than 250"')],
            ),
        ],
    ),
    (
        "immediate",
        "Resolution of separated-spouse, divided-family and dual-national cases",
        "slight progress",
        "A few cases resolved this year; the pace is excruciatingly slow.",
        C,
        [],
    ),
    (
        "immediate",
        "An end to the jamming of foreign radio broadcasts",
        "progress",
        "VOA and the BBC are no longer jammed; jamming of RFE/RL continues.",
        C,
        [],
    ),
    (
        "immediate",
        "Emigration of at least 10,000 a year",
        "progress",
        "An annual rate just short of the goal, with no indication of an intent to go further.",
        S,
        [
            (
                "Jewish emigration",
                "persons per month",
                10000 / 12,
                "10,000 a year",
                [
                    (
                        "1987-11-01",
                        800.0,
                        SCHIFTER_1987,
                        '"an annual rate just short of our minimum immediate goal of 10,000"',
                    ),
                    (
                        "1987-12-19",
                        800.0,
                        RIDGWAY_1987,
                        '"a plateau of 700–900 per month" (midpoint)',
                    ),
                ],
            )
        ],
    ),
    (
        "intermediate",
        "Freedom of expression within the law",
        "slight progress",
        "Dissent within defined limits is no longer punished with imprisonment.",
        S,
        [],
    ),
    (
        "intermediate",
        "Freedom to practise religion",
        "slight progress",
        "Talk of limited changes; no intent to end state control of religion.",
        C,
        [],
    ),
    (
        "intermediate",
        "An end to the abuse of psychiatry",
        "slight progress",
        "Some indication that abuses may be brought to an end.",
        C,
        [],
    ),
    ("intermediate", "Free importation of foreign literature", "no change", "", C, []),
    (
        "intermediate",
        "Freedom of foreign travel",
        "progress",
        "Some relaxation in controls on foreign travel.",
        U,
        [],
    ),
    (
        "intermediate",
        "Cultural freedom for every ethnic group",
        "slight progress",
        "The emphasis appears to be on Russian culture.",
        C,
        [],
    ),
    ("intermediate", "Repeal of the 1986 Emigration Decree", "no change", "", C, []),
    (
        "intermediate",
        "Respect for privacy; an end to the secret police's intrusive role",
        "no change",
        "",
        S,
        [],
    ),
    (
        "long-range",
        "Full compliance with the Helsinki Final Act",
        "no change",
        "Remains well over the horizon.",
        U,
        [],
    ),
]

# ------------------------------------------------------------------ cases
SHCHARANSKIY = {
    "primary_name": "Anatoly Shcharanskiy",
    "name_variants": ["Shcharansky", "Sharansky", "Щаранский"],
    "category": "political prisoner",
    "location": "",
    "legal_basis": "",
    "since": None,
    "summary": "His treatment stimulated great public and congressional concern in 1977; he was "
    "falsely alleged to have worked for U.S. intelligence, which gave a basis for going public "
    "(002). By 1987 he was in the West and advised on the proposed Moscow conference (004).",
    "marking": C,
    "history": [
        (
            "1977-06-16",
            "imprisoned",
            CABLE_1977,
            "confirmed",
            "Department and White House statements on the case; raised privately before going "
            "public.",
        ),
        (
            "1987-09-25",
            "released",
            RODMAN_1987,
            "confirmed",
            "Met NSC staff in Washington to discuss a Moscow conference (date approximate).",
        ),
    ],
}

FICTIONAL_NOTE = "Fictional sample case: this person does not exist."

# Fictional cases (name, variants, category, location, legal basis, since, marking, history).
# History rows: (date, status, source key, reliability, note). Deliberate list-hygiene problems
# are marked with a comment; Briefer's checks are expected to find them.
CASE_REVIEW = "Case review session, Moscow — counterpart reply"
EMBASSY = "Embassy Moscow reporting"
NGO = "NGO report"
FAMILY = "Letter from family"

FICTIONAL_CASES = [
    (
        "Mikhail Abramovich Berezin",
        ["Mikhail Berezine", "Михаил Березин"],
        "refusenik",
        "Moscow",
        "secrecy refusal",
        "1979-03-01",
        C,
        [
            ("1979-03-01", "refused", EMBASSY, "confirmed", "Refused on secrecy grounds."),
            ("1987-11-17", "under review", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    (
        "Yelena Markovna Dubinina",
        ["Elena Dubinina", "Елена Дубинина"],
        "refusenik",
        "Leningrad",
        "no invitation from immediate relatives",
        "1981-06-15",
        C,
        [
            ("1981-06-15", "refused", EMBASSY, "confirmed", ""),
            (
                "1987-11-17",
                "permission granted",
                CASE_REVIEW,
                "counterpart claim",
                "Family reports no exit visa yet.",
            ),
        ],
    ),
    # Closed but still listed: emigrated, yet kept on the representation list.
    (
        "Grigory Semyonovich Voronel",
        ["Grigorii Voronel", "Григорий Воронель"],
        "refusenik",
        "Kiev",
        "secrecy refusal",
        "1978-09-01",
        C,
        [
            ("1978-09-01", "refused", EMBASSY, "confirmed", ""),
            ("1987-10-02", "emigrated", FAMILY, "confirmed", "Arrived in Vienna."),
        ],
    ),
    (
        "Natalya Ilinichna Sorokina",
        ["Natalia Sorokina"],
        "separated spouse",
        "Moscow",
        "",
        "1984-02-10",
        C,
        [
            ("1984-02-10", "refused", EMBASSY, "confirmed", "Husband is a U.S. citizen."),
            ("1987-11-17", "resolved", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    (
        "Pavel Andreyevich Lisitsyn",
        ["Pavel Lisitsin", "Павел Лисицын"],
        "political prisoner",
        "Perm camp 35",
        "Article 70 (anti-Soviet agitation and propaganda)",
        "1982-05-20",
        S,
        [
            ("1982-05-20", "imprisoned", NGO, "credible report", "Seven years' camp, five exile."),
            ("1987-11-17", "released", CASE_REVIEW, "counterpart claim", ""),
            ("1987-12-01", "imprisoned", FAMILY, "confirmed", "Still in camp, per his wife."),
        ],
    ),
    (
        "Olga Viktorovna Tsvetkova",
        ["Olga Tsvetkova"],
        "religious prisoner",
        "Mordovia",
        "Article 142 (violation of the separation of church and state)",
        "1985-01-14",
        C,
        [
            ("1985-01-14", "imprisoned", NGO, "credible report", ""),
            ("1987-08-30", "imprisoned", EMBASSY, "confirmed", ""),
        ],
    ),
    (
        "Semyon Iosifovich Kagan",
        ["Semen Kagan", "Семён Каган"],
        "refusenik",
        "Odessa",
        "secrecy refusal",
        "1980-11-03",
        C,
        [
            ("1980-11-03", "refused", EMBASSY, "confirmed", ""),
            ("1987-06-01", "refused", EMBASSY, "confirmed", "Secrecy term said to expire 1990."),
        ],
    ),
    (
        "Vera Nikolayevna Orlova-Bell",
        ["Vera Orlova"],
        "dual national",
        "Riga",
        "",
        "1983-07-07",
        U,
        [
            (
                "1983-07-07",
                "pending",
                EMBASSY,
                "confirmed",
                "Claims U.S. citizenship through father.",
            ),
            ("1987-11-17", "under review", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    # No status update for years: the hygiene check flags it.
    (
        "Arkady Borisovich Feldman",
        ["Arkadii Feldman"],
        "refusenik",
        "Minsk",
        "no invitation from immediate relatives",
        "1976-04-12",
        C,
        [
            ("1976-04-12", "refused", EMBASSY, "confirmed", ""),
            ("1984-03-01", "refused", NGO, "credible report", ""),
        ],
    ),
    (
        "Lyudmila Petrovna Gavrilova",
        ["Ludmila Gavrilova", "Людмила Гаврилова"],
        "divided family",
        "Tbilisi",
        "",
        "1982-10-01",
        U,
        [
            ("1982-10-01", "pending", FAMILY, "confirmed", "Mother in Chicago."),
            ("1987-09-15", "permission granted", EMBASSY, "confirmed", ""),
        ],
    ),
    (
        "Ivan Sergeyevich Zhuravlyov",
        ["Ivan Zhuravlev", "Иван Журавлёв"],
        "Helsinki monitor",
        "Yakutia (exile)",
        "Article 190-1 (defaming the Soviet system)",
        "1980-12-10",
        S,
        [
            ("1980-12-10", "imprisoned", NGO, "credible report", ""),
            (
                "1986-08-01",
                "exiled",
                KASHLEV_1986,
                "confirmed",
                "Raised with Kashlev (sample case).",
            ),
            (
                "1987-11-17",
                "unknown",
                CASE_REVIEW,
                "counterpart claim",
                "No information, they said.",
            ),
        ],
    ),
    (
        "Tamara Lvovna Reznik",
        ["Tamara Reznick"],
        "separated spouse",
        "Kharkov",
        "",
        "1985-05-05",
        C,
        [("1985-05-05", "refused", EMBASSY, "confirmed", "Wife of a U.S. citizen.")],
    ),
    (
        "Konstantin Yakovlevich Gorelik",
        ["Konstantin Gorelick"],
        "psychiatric abuse",
        "Special psychiatric hospital, Sychevka",
        "Article 190-1",
        "1983-02-14",
        S,
        [
            ("1983-02-14", "psychiatric detention", NGO, "credible report", ""),
            ("1987-11-17", "released", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    (
        "Raisa Davidovna Shifrina",
        ["Raisa Shifrin", "Раиса Шифрина"],
        "refusenik",
        "Moscow",
        "secrecy refusal",
        "1977-08-22",
        C,
        [
            ("1977-08-22", "refused", EMBASSY, "confirmed", ""),
            (
                "1987-12-10",
                "permission granted",
                "Washington summit working group",
                "counterpart claim",
                "",
            ),
        ],
    ),
    (
        "Aleksei Fyodorovich Kuzmin",
        ["Alexei Kuzmin", "Алексей Кузьмин"],
        "religious prisoner",
        "Chistopol prison",
        "Article 227",
        "1984-09-09",
        S,
        [("1984-09-09", "imprisoned", NGO, "credible report", "Baptist pastor.")],
    ),
    (
        "Inna Borisovna Levitan",
        ["Inna Levitane"],
        "divided family",
        "Vilnius",
        "",
        "1979-01-20",
        U,
        [
            ("1979-01-20", "pending", FAMILY, "confirmed", ""),
            ("1987-05-11", "emigrated", EMBASSY, "confirmed", "Reunited with her son in Boston."),
        ],
    ),
    (
        "Boris Leonidovich Yasny",
        ["Boris Iasny"],
        "political prisoner",
        "Perm camp 36",
        "Article 70",
        "1981-03-30",
        S,
        [
            ("1981-03-30", "imprisoned", NGO, "credible report", ""),
            ("1987-11-17", "released", CASE_REVIEW, "counterpart claim", ""),
            ("1987-11-30", "released", FAMILY, "confirmed", "Home in Kalinin."),
        ],
    ),
    (
        "Svetlana Igorevna Malkova",
        ["Svetlana Malkova"],
        "separated spouse",
        "Moscow",
        "",
        "1986-01-15",
        C,
        [
            ("1986-01-15", "refused", EMBASSY, "confirmed", ""),
            ("1987-11-17", "under review", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    (
        "Dmitri Arkadyevich Pinsker",
        ["Dmitry Pinsker", "Дмитрий Пинскер"],
        "refusenik",
        "Leningrad",
        "secrecy refusal",
        "1982-04-04",
        C,
        [("1982-04-04", "refused", EMBASSY, "confirmed", "")],
    ),
    (
        "Galina Stepanovna Rudenko",
        ["Halyna Rudenko", "Галина Руденко"],
        "Helsinki monitor",
        "Kiev",
        "Article 62 (Ukrainian SSR)",
        "1980-07-07",
        S,
        [
            ("1980-07-07", "imprisoned", NGO, "credible report", ""),
            ("1987-04-20", "released", EMBASSY, "confirmed", ""),
        ],
    ),
    (
        "Yakov Mironovich Tsirlin",
        ["Jacob Tsirlin"],
        "refusenik",
        "Novosibirsk",
        "no invitation from immediate relatives",
        "1983-10-10",
        C,
        [("1983-10-10", "refused", EMBASSY, "confirmed", "")],
    ),
    (
        "Marina Olegovna Kovalchuk",
        ["Maryna Kovalchuk"],
        "divided family",
        "Lvov",
        "",
        "1984-12-01",
        U,
        [("1984-12-01", "pending", FAMILY, "confirmed", "Brother in Philadelphia.")],
    ),
    (
        "Nikolai Vasilyevich Ostrovsky",
        ["Nikolay Ostrovski", "Николай Островский"],
        "political prisoner",
        "Vladimir prison",
        "Article 70",
        "1979-11-11",
        S,
        [
            ("1979-11-11", "imprisoned", NGO, "credible report", ""),
            ("1987-11-17", "released", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
    (
        "Zinaida Efimovna Gurevich",
        ["Zinaida Gurevitch"],
        "refusenik",
        "Moscow",
        "secrecy refusal",
        "1975-06-30",
        C,
        [
            ("1975-06-30", "refused", EMBASSY, "confirmed", ""),
            ("1987-02-02", "refused", EMBASSY, "confirmed", ""),
        ],
    ),
    (
        "Viktor Alekseyevich Belyaev",
        ["Victor Beliaev", "Виктор Беляев"],
        "religious prisoner",
        "Perm",
        "Article 142",
        "1985-08-08",
        C,
        [("1985-08-08", "imprisoned", NGO, "credible report", "Pentecostal.")],
    ),
    (
        "Anna Grigoryevna Sheinina",
        ["Anna Sheinin"],
        "separated spouse",
        "Riga",
        "",
        "1985-09-19",
        C,
        [
            ("1985-09-19", "refused", EMBASSY, "confirmed", ""),
            ("1987-10-28", "permission granted", EMBASSY, "confirmed", ""),
        ],
    ),
    (
        "Leonid Markovich Roitman",
        ["Leonid Reutman", "Леонид Ройтман"],
        "refusenik",
        "Kishinev",
        "secrecy refusal",
        "1980-02-29",
        C,
        [("1980-02-29", "refused", EMBASSY, "confirmed", "")],
    ),
    (
        "Irina Vladimirovna Kharitonova",
        ["Irina Kharitonova"],
        "Helsinki monitor",
        "Moscow",
        "Article 190-1",
        "1981-09-01",
        S,
        [
            ("1981-09-01", "imprisoned", NGO, "credible report", ""),
            ("1987-02-10", "released", NGO, "credible report", ""),
        ],
    ),
    (
        "Oleg Tarasovich Moroz",
        ["Oleh Moroz", "Олег Мороз"],
        "political prisoner",
        "Perm camp 35",
        "Article 62 (Ukrainian SSR)",
        "1983-05-15",
        S,
        [("1983-05-15", "imprisoned", NGO, "credible report", "")],
    ),
    (
        "Sofia Abramovna Lerner",
        ["Sofya Lerner"],
        "divided family",
        "Kiev",
        "",
        "1983-03-03",
        U,
        [("1983-03-03", "pending", FAMILY, "confirmed", "Daughter in New York.")],
    ),
    (
        "Evgeny Lvovich Katsnelson",
        ["Yevgeny Katznelson", "Евгений Кацнельсон"],
        "refusenik",
        "Moscow",
        "secrecy refusal",
        "1978-12-12",
        C,
        [
            ("1978-12-12", "refused", EMBASSY, "confirmed", ""),
            ("1987-11-17", "refused", CASE_REVIEW, "counterpart claim", "Secrecy: no change."),
        ],
    ),
    (
        "Tatyana Nikitichna Volkova",
        ["Tatiana Volkova"],
        "psychiatric abuse",
        "Psychiatric hospital, Kazan",
        "Article 190-1",
        "1984-06-06",
        S,
        [("1984-06-06", "psychiatric detention", NGO, "credible report", "")],
    ),
    (
        "Georgi Avtandilovich Beridze",
        ["Giorgi Beridze"],
        "dual national",
        "Tbilisi",
        "",
        "1986-03-03",
        U,
        [("1986-03-03", "pending", EMBASSY, "confirmed", "")],
    ),
    (
        "Rimma Yakovlevna Polyakova",
        ["Rima Poliakova"],
        "refusenik",
        "Leningrad",
        "no invitation from immediate relatives",
        "1982-08-18",
        C,
        [
            ("1982-08-18", "refused", EMBASSY, "confirmed", ""),
            (
                "1987-11-17",
                "emigrated",
                CASE_REVIEW,
                "counterpart claim",
                "Family says she is still in Leningrad.",
            ),
        ],
    ),
    (
        "Andrei Valentinovich Sokolov",
        ["Andrey Sokolov", "Андрей Соколов"],
        "political prisoner",
        "Chistopol prison",
        "Article 70",
        "1980-10-30",
        S,
        [("1980-10-30", "imprisoned", NGO, "credible report", "")],
    ),
    (
        "Esther Mendelevna Brodskaya",
        ["Ester Brodsky"],
        "refusenik",
        "Moscow",
        "secrecy refusal",
        "1979-05-05",
        C,
        [("1979-05-05", "refused", EMBASSY, "confirmed", "")],
    ),
    (
        "Valentin Petrovich Gusev",
        ["Valentine Gusev"],
        "separated spouse",
        "Moscow",
        "",
        "1986-06-06",
        C,
        [("1986-06-06", "refused", EMBASSY, "confirmed", "Wife is a U.S. citizen.")],
    ),
    (
        "Lidia Fyodorovna Chernova",
        ["Lydia Chernova", "Лидия Чернова"],
        "religious prisoner",
        "Kharkov",
        "Article 227",
        "1986-02-02",
        C,
        [("1986-02-02", "imprisoned", NGO, "credible report", "")],
    ),
    (
        "Fyodor Ignatyevich Sherstnev",
        ["Fedor Sherstnev", "Фёдор Шерстнев"],
        "political prisoner",
        "Perm camp 36",
        "Article 70",
        "1982-11-25",
        S,
        [
            ("1982-11-25", "imprisoned", NGO, "credible report", ""),
            ("1987-11-17", "under review", CASE_REVIEW, "counterpart claim", ""),
        ],
    ),
]

# ------------------------------------------------------------------ case lists
# (key, name, kind, forum, description, [case names], [(event key, date)])
CASE_LISTS = [
    (
        "representation",
        "Representation list: divided families and separated spouses",
        "representation",
        "Case review sessions, Moscow",
        "The standing U.S. Government representation list, presented at every case review.",
        [
            "Yelena Markovna Dubinina",
            "Grigory Semyonovich Voronel",
            "Natalya Ilinichna Sorokina",
            "Vera Nikolayevna Orlova-Bell",
            "Lyudmila Petrovna Gavrilova",
            "Tamara Lvovna Reznik",
            "Svetlana Igorevna Malkova",
            "Marina Olegovna Kovalchuk",
            "Sofia Abramovna Lerner",
            "Anna Grigoryevna Sheinina",
            "Georgi Avtandilovich Beridze",
            "Valentin Petrovich Gusev",
            "Mikhail Abramovich Berezin",
        ],
        [("case_review", "1987-11-17"), ("washington", "1987-12-08")],
    ),
    (
        "prisoners",
        "Political and religious prisoners",
        "representation",
        "Case review sessions, Moscow",
        "Prisoners of conscience whose release we seek case by case.",
        [
            "Pavel Andreyevich Lisitsyn",
            "Olga Viktorovna Tsvetkova",
            "Ivan Sergeyevich Zhuravlyov",
            "Konstantin Yakovlevich Gorelik",
            "Aleksei Fyodorovich Kuzmin",
            "Boris Leonidovich Yasny",
            "Nikolai Vasilyevich Ostrovsky",
            "Viktor Alekseyevich Belyaev",
            "Oleg Tarasovich Moroz",
            "Tatyana Nikitichna Volkova",
            "Andrei Valentinovich Sokolov",
            "Lidia Fyodorovna Chernova",
            # Also on the representation list for the same forum: a hygiene warning.
            "Mikhail Abramovich Berezin",
        ],
        [("case_review", "1987-11-17")],
    ),
    (
        "priority",
        "Priority cases for the next summit",
        "priority",
        "Summit human rights working group",
        "Cases of particular interest to the U.S. Government, raised at the highest level.",
        [
            "Mikhail Abramovich Berezin",
            "Semyon Iosifovich Kagan",
            "Raisa Davidovna Shifrina",
            "Evgeny Lvovich Katsnelson",
            "Pavel Andreyevich Lisitsyn",
            "Arkady Borisovich Feldman",
        ],
        [("washington", "1987-12-08")],
    ),
    (
        "refuseniks",
        "All known refuseniks",
        "category statement",
        "Vienna CSCE follow-up meeting",
        "Presented as a statement: we do not expect a read-out on each case but seek the "
        "resolution of the entire category.",
        [
            "Zinaida Efimovna Gurevich",
            "Dmitri Arkadyevich Pinsker",
            "Yakov Mironovich Tsirlin",
            "Leonid Markovich Roitman",
            "Esther Mendelevna Brodskaya",
            "Rimma Yakovlevna Polyakova",
            "Semyon Iosifovich Kagan",
            "Evgeny Lvovich Katsnelson",
            "Raisa Davidovna Shifrina",
            "Arkady Borisovich Feldman",
        ],
        [("vienna", "1987-07-31")],
    ),
]
