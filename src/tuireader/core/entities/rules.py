"""Cue words for the entity rules: titles, roles, organisation and place heads, speech verbs.

These are generic English words used by any news report, never names from a particular story.
"""

from __future__ import annotations

import re

# Capitalised titles that stand before a person's name and are not part of it. A title is a head
# ("Minister", "President") with optional modifiers before it ("Prime", "Foreign", "Vice") or a
# portfolio after "of"/"for" ("Secretary of State", "Minister for Infrastructure").
TITLE_HEADS = frozenset(
    """
    President Minister Secretary Chancellor Senator Sen. Sens. Representative Rep. Reps. Gov. Governor Mayor
    CEO CFO COO CTO Chairman Chairwoman Chair Chairperson Pope King Queen Prince Princess Sheikh Emir Sultan
    Ambassador General Gen. Lt. Col. Colonel Maj. Major Capt. Captain Sgt. Sergeant Adm. Admiral Cmdr. Commander
    Commissioner Judge Justice Speaker Leader Director Dr. Mr. Mrs. Ms. Mx. Prof. Professor Rev. Reverend
    Archbishop Bishop Cardinal Patriarch Rabbi Imam Ayatollah Sir Dame Lord Lady Premier Spokesman Spokeswoman
    Spokesperson Envoy Adviser Advisor Aide Officer Coach Executive Duke Duchess Baron Baroness Count Countess
    Emperor Empress Tsar Czar Councillor Councilman Councilwoman Councilmember Alderman Alderwoman Magistrate
    Congressman Congresswoman Assemblyman Assemblywoman Assemblymember
    Inspector Superintendent Detective Constable Marshal Sheriff Lieutenant Brigadier Auditor Comptroller
    Treasurer Registrar Dean Provost Rector Principal Ombudsman Manager Whip Deputy Undersecretary
    Presidents Senators Governors President-elect Vice-President Secretary-General Governor-General
    Attorney-General Prime-Minister Counsel
    """.split()
)
TITLE_MODIFIERS = frozenset(
    """
    Vice Prime Deputy Acting Former Interim Foreign Defence Defense Finance Interior Health Treasury Trade
    Economy Economic Energy Education Labor Labour Agriculture Transport Transportation Environment Culture
    Security Intelligence Home State Press Attorney Chief Supreme Crown Minority Majority Senior Junior First
    Grand Special Assistant Associate Executive Managing Field Affairs Foreign-Affairs Immigration Justice
    Communications Development Digital Industry Infrastructure Housing Science Technology Tourism Sports Police
    Army Navy Air Military National Regional Federal Opposition Party Council Committee House Senate City
    County Union Group Executive-Director
    """.split()
)
# Words that end a title after its head ("President Pro Tem", "Chairman Emeritus").
TITLE_TAILS = frozenset("Pro Tem Tempore Emeritus Emerita Staff".split())  # "Chief of Staff"
TITLES = TITLE_HEADS | TITLE_MODIFIERS | TITLE_TAILS

# An age right after a name: "Jo Roe, 34, Ashford", "Jo Roe (34)" (not "Jo Roe, 1,200" nor "Roe, 3.5")
AGE_AFTER_NAME = re.compile(r"\s*(?:,\s*|\()\d{1,3}\b(?![,.]\d)")

# Connectors that may appear inside a title ("Secretary of State") or an organisation name.
TITLE_CONNECTORS = frozenset({"of", "for", "and", "the"})

# Lower-case words that introduce a person's name ("spokesman Dmitri Ivanov", "aide Jane Roe").
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson aide adviser advisor envoy president minister secretary chancellor
    senator governor mayor official officer lawyer attorney analyst economist professor researcher expert
    director chief leader negotiator ambassador diplomat commander general colonel captain lieutenant
    chairman chairwoman chair executive founder co-founder owner manager editor correspondent reporter
    journalist columnist author writer spokesman host coach player striker midfielder goalkeeper captain
    singer actor actress rapper artist musician director producer candidate challenger incumbent rival
    lawmaker legislator congressman congresswoman representative deputy premier prosecutor judge justice
    investigator detective inspector sheriff priest pastor rabbi imam cleric bishop cardinal activist
    campaigner organiser organizer spokesperson strategist pollster economist scientist doctor nurse surgeon
    physician teacher student resident witness survivor victim suspect defendant plaintiff husband wife
    son daughter brother sister mother father widow uncle aunt nephew niece cousin colleague partner
    predecessor successor counterpart administrator promoter astronaut midfielder defender forward winger
    pilot engineer designer curator architect chef nominee trainer manager boss skipper novelist poet
    historian""".split()
)

# Head words that make a capitalised sequence an organisation ("Ministry of Health", "Acme Group").
ORG_HEADS = frozenset(
    """
    Ministry Department Council Agency Party Inc. Inc Corp. Corp Corporation Company Co. Ltd. Ltd LLC PLC plc
    AG GmbH SA NV Group Holdings University College School Institute Academy Foundation Trust Fund Bank
    Committee Commission Court Tribunal Parliament Senate Congress Assembly Duma Rada Knesset Bundestag
    Union Association Federation Alliance League Organization Organisation Office Service Services Forces
    Army Navy Corps Command Police Guard Guards Brigade Battalion Regiment Militia Times News Post Journal
    Herald Tribune Gazette Telegraph Guardian Network Broadcasting Television Radio Airlines Airways
    Railways Motors Technologies Systems Labs Laboratories Pharmaceuticals Energy Oil Petroleum Gas Capital
    Partners Investments Securities Exchange Reserve Board Authority Bureau Administration Cabinet Government
    Church Mosque Synagogue Temple Diocese Forum Club FC Team Movement Front Coalition Secretariat Embassy
    Consulate Mission Centre Center Hospital Clinic Society Institution Observatory Council Conference
    Directorate Inspectorate Prosecutor's Prosecutors Review Monitor Watch Initiative Project Programme
    Program Cooperative Union Confederation Caucus Brotherhood Engineering Construction Consulting Logistics
    Solutions Industries Enterprises Ventures Media Foods Mining Shipping Insurance Pharma Airline Studios
    Records Publishing Communications Telecom Electric Utilities Software Robotics Semiconductor Motors
    Register Inquirer Chronicle Examiner Courier Dispatch Bulletin""".split()
)
# Heads that make a sequence a place ("Black Sea", "Red Square", "Main Street").
PLACE_HEADS = frozenset(
    """
    Sea Ocean River Lake Mountains Mountain Mount Mt. Gulf Strait Straits Bay Valley Peninsula Desert Island
    Islands Coast Basin Region Province Oblast Krai County District Square Street St Avenue Ave. Road Boulevard
    Bridge Canal Channel Heights Hills Plateau Plain Plains Delta Cape Harbour Harbor Port Airport Station
    Park Forest Falls Reef Archipelago Territory Territories Republic Kingdom States Emirates City
    Town Village Oblast Governorate Prefecture Canton Borough Quarter Neighbourhood Neighborhood Tower Towers Hill
    Plaza Stadium Arena""".split()
)

# Heads that start a place name ("Mount Kenya", "Lake Chad", "Gulf of Aden").
LEADING_PLACE_HEADS = frozenset(
    "Mount Mt. Lake Cape Port Fort Sierra Serra Isla Isle Isles Monte Gulf Bay Sea Strait Lago Rio Cabo Costa Val "
    "Valle Sierra Puerto Porto Bahia Ciudad Villa Vila Saint San Santa Sao São Sainte Ile Île".split()
)
# Lower-case nouns that say what kind of place the next name is ("the village of X", "the province X").
PLACE_NOUNS = frozenset(
    "city town village hamlet province region district county municipality state island islands port capital "
    "suburb neighbourhood neighborhood area commune valley river lake mountain mountains coast oblast".split()
)
# Lower-case nouns that say the next name is an organisation ("the union X", "the company X").
ORG_NOUNS = frozenset(
    "union company firm group party agency ministry regulator watchdog bank airline carrier broadcaster "
    "newspaper charity organisation organization association federation club team operator insurer lender "
    "retailer manufacturer supplier startup start-up contractor developer publisher network channel "
    "outlet magazine institute university council committee coalition movement militia shares stake stock "
    "subsidiary shareholders parliament legislature assembly court tribunal ministry department".split()
)

# Verbs of speech and report: "<Name> said", "said <Name>", "according to <Name>".
SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds stated states wrote writes announced announces argued argues warned
    warns insisted insists noted notes explained explains confirmed confirms denied denies declared declares
    claimed claims asserted asserts acknowledged acknowledges admitted admits replied replies responded
    responds tweeted posted commented comments remarked remarks suggested suggests urged urges cautioned
    cautions predicted predicts estimated estimates reported reports described describes called calls
    accused accuses welcomed welcomes condemned condemns criticised criticized praised praises vowed vows
    promised promises pledged pledges demanded demands asked asks agreed agrees disagreed believes believed
    thinks thought hopes hoped expects expected wants wanted met meets visited visits spoke speaks signed
    signs rejected rejects dismissed dismisses threatened threatens""".split()
)
# Verbs that typically follow an organisation or government as subject; used only after "the X".
ORG_VERBS = SPEECH_VERBS | frozenset(
    "has have had is was were are will would could should may might did does do issued issues released releases "
    "ordered orders approved approves launched launches imposed imposes announced".split()
)

# Party/state codes after US legislators' names ("R-Texas", "D-N.Y."), never names themselves.
PARTY_CODE_PREFIXES = ("R-", "D-", "I-")

# Common international acronyms used alone ("the EU", "NATO said"). Generic, not story-specific.
KNOWN_ACRONYMS = frozenset(
    """
    UN EU NATO IMF WTO OPEC IAEA OSCE ASEAN G7 G20 FBI CIA NSA NASA BBC CNN AP AFP ICC ICJ UNICEF UNHCR UNESCO
    WHO FIFA UEFA IOC OECD NHS FDA EPA SEC IRS DOJ DHS ECB NGO""".split()
)
PLACE_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "U.S.", "U.K.", "U.S.A.", "U.A.E."})

# Words that never start a name even when capitalised (sentence openers not in the stopword list).
NAME_BLOCKERS = frozenset(
    """
    Asked Speaking Writing Meanwhile However Still Yet Despite Although Though Because Since During Until
    Following Earlier Later Today Tonight Yesterday Tomorrow Officials Analysts Critics Experts Residents
    Witnesses Sources Authorities Police Troops Forces Leaders Lawmakers Negotiators Talks Negotiations
    Breaking Update Updated Exclusive Analysis Opinion Editorial Read More Photo Video Watch Listen Advertisement
    Sign Subscribe Share Follow Reporting Editing Additional Contributing Copyright""".split()
)

# Suffixes that belong to a person's name ("Jr.", "III").
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "VI", "XIV", "XVI", "PhD"})

# Particles inside names ("Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin Salman").
NAME_PARTICLES = frozenset(
    "von van der den de del della di da du la le bin ibn al el ben dos das y zu ter ten op".split()
)
