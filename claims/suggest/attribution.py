"""Who said what, and how: attribution frames in news sentences.

A frame is one attribution: a cue ("accused", "has denied", "according to",
"declined to comment"), its speakers (source mentions, coordinated: "Moscow
and Pyongyang"), the position the cue and its complement express, and the
reporter it came through, if any ("…, KCNA said"). Rules, not a statistical
parser: on the evaluation set (tests/suggest/data/) they measured better
than what the packaged models offered; see bench/suggest.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.models import Position
from claims.suggest.sentences import Span
from claims.suggest.speakers import Mention

# What one condemns, not denies: "Saudi Arabia categorically rejects this brutal attack" says
# the attack happened and whose it was ("rejects the claims" is a denial).
_VIOLENCE = (
    r"(?:(?:the|this|that|these|those|any|all|such|an?)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:attacks?|aggression|bombings?|bombardment|strikes?|airstrikes?|shelling|violence"
    r"|killings?|massacres?|targeting|escalation|crimes?|assaults?|atrocit(?:y|ies))\b"
)

# (pattern, position, strength): the cue verb decides the position unless its
# complement or a negation changes it (see position_for).
VERB_CUES: list[tuple[re.Pattern[str], str, float]] = [
    (
        re.compile(
            r"\b(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)) to (?:comment|say|discuss|confirm|specify|speculate|elaborate)\b"
            r"|\b(?:did|does|do|would|has|have|had)(?: not|n['\u2019]t) (?:\w+ly |yet )?comment(?:ed)?\b"
            r"|\b(?:did|does|do|would|has|have|had)(?: not|n['\u2019]t) (?:\w+ly |yet )?"
            r"(?:respond(?:ed)?|repl(?:y|ied))"
            r" to (?:an? |the )?(?:[\w\u2019']+ ){0,2}(?:requests?|questions?|calls?|e-?mails?)"
            r"(?: (?:for|seeking) comment)?"
            r"|\b(?:had|has|have) no (?:immediate )?comment\b"
            r"|\b(?:has|have|had) yet to (?:comment|respond)\b|\bavoided (?:public )?comment\b"
            # "J&J referred queries to Kenvue": it answered nothing itself.
            r"|\breferred (?:all )?(?:queries|questions|requests|inquiries|enquiries)\b"
            r"|\bcould not be reached for comment\b|\bno comment\b|\bneither confirm(?:ed)? nor den(?:y|ied)\b",
            re.I,
        ),
        Position.NO_COMMENT,
        0.9,
    ),
    (
        re.compile(
            r"\b(?:den(?:y|ies|ied)|dismiss(?:es|ed)?|reject(?:s|ed)?(?!\s+" + _VIOLENCE + r")"
            r"|refut(?:e|es|ed)|rebuff(?:s|ed)?"
            r"|disagree(?:s|d)?|push(?:es|ed)? back|pushed back)\b"
            # "disputed the report", not "the disputed Line of Control"
            r"|\bdisput(?:e|es|ed)\s+(?=(?:the|that|this|these|those|its|their|(?:[A-Z][\w\-]+\s+)?"
            r"(?:claims?|reports?|allegations?|accounts?|findings?))\b)",
            re.I,
        ),
        Position.DENIES,
        0.9,
    ),
    (
        # Rejecting what another said: "decried Trump's insistence that…", "called on the
        # president to drop his allegations", "slammed the claims". Only with what was said
        # as its object: "condemned the strike" says the strike happened.
        re.compile(
            r"\b(?:decr(?:y|ies|ied)|slam(?:s|med)|blast(?:s|ed)|critici[sz](?:e|es|ed)"
            r"|rebuk(?:e|es|ed)|ridicul(?:e|es|ed)|mock(?:s|ed)|debunk(?:s|ed)?|contradict(?:s|ed)?"
            r"|challeng(?:e|es|ed)|condemn(?:s|ed)|counter(?:s|ed)?|rebut(?:s|ted)?"
            r"|f(?:ight|ights|ought)|contest(?:s|ed)?"
            r"|called\s+on(?=[^.;]{1,40}?\bto\s+(?:drop|stop|abandon|retract|end|withdraw)\b))\b"
            r"(?=[^.;]{0,80}?\b(?:claims?|allegations?|assertions?|insistence|theor(?:y|ies)"
            r"|accusations?|narrative|lies|falsehoods|rhetoric|misinformation|disinformation)\b)",
            re.I,
        ),
        Position.DENIES,
        0.85,
    ),
    (
        # A participle whose speaker is the clause's subject: "Texas filed a lawsuit against
        # Kenvue, alleging…", "Kenvue issued a statement, denying that…" (see
        # _subject_of_participle).
        re.compile(r"(?<=,\s)(?:denying|rejecting|dismissing|disputing)\b", re.I),
        Position.DENIES,
        0.8,
    ),
    (
        re.compile(
            r"(?:(?<=,\s)|(?<=lawsuit\s)|(?<=complaint\s)|(?<=\bsuit\s)|(?<=statement\s)"
            r"|(?<=letter\s)|(?<=report\s)|(?<=filing\s)|(?<=\bfor\s))"
            r"(?:claiming|saying|insisting|arguing|blaming|asserting|maintaining|contending"
            r"|charging)\b"
            # Not "stopped short of (directly) accusing Moscow": that accuses no one.
            r"|\b(?<!short of )(?<!short of directly )(?<!short of openly )"
            r"(?<!short of explicitly )(?<!short of formally )(?:alleging|accusing)\b"
            # "…cautioning against its use, citing studies that suggest possible links": what
            # the subject cites, it says (not "citing U.S. officials", a source).
            r"|(?<=,\s)citing(?=\s+(?:(?:the|a|an|new|recent|several|some|many|other|its|their)\s+)?"
            r"(?:[\w\-]+\s+)?(?:studies|study|research|evidence|data|findings|reports?|concerns?)\b)",
            re.I,
        ),
        Position.ASSERTS,
        0.75,
    ),
    (
        # An inquiry's finding of nothing: "Homeland Security has found no evidence of
        # widespread fraud", "State Republicans found no fraud", "has seen no …".
        re.compile(
            r"\b(?:found|finds?|saw|seen|uncovered|detected)(?=\s+no\s+(?:[\w\-]+\s+){0,2}?"
            r"(?:evidence|proof|signs?|fraud|irregularit\w+|wrongdoing|link)\b)",
            re.I,
        ),
        Position.DENIES,
        0.85,
    ),
    (re.compile(r"\bsuspect(?:s|ed)?\b", re.I), Position.HEDGES, 0.8),
    (
        # Concern is not a finding: "expressed concern over reports that…", "Pence shares the
        # concerns of millions of Americans about voter fraud".
        re.compile(
            r"\b(?:express|voic|rais|shar|not)(?:e|es|ed|ing|s)?\s+(?:\w+\s+){0,2}?concerns?"
            r"(?=\s+(?:of\s+[^.;]{1,60}?\s+)?(?:about|over|that|regarding|at|on)\b)",
            re.I,
        ),
        Position.HEDGES,
        0.75,
    ),
    (
        # Still finding out: "British intelligence services are analysing evidence", "the
        # agency is looking into the reports", "has launched an investigation into".
        re.compile(
            r"\b(?:(?:is|are|was|were|been)\s+(?:still\s+|now\s+|currently\s+)?"
            r"(?:investigating|analy[sz]ing|examining|reviewing|looking\s+into|assessing"
            r"|gathering)(?=\s+(?:the\s+|all\s+|new\s+|available\s+)?(?:evidence|reports?|claims?"
            r"|allegations?|incident|circumstances|causes?|facts|data|findings|information|matter"
            r"|what|whether|how|who|why)\b)"
            # Working to find out: "Canada is working with allies and taking all necessary
            # steps to determine what happened".
            r"|(?:is|are|was|were|been)\s+(?:still\s+|now\s+|currently\s+)?(?:working|trying"
            r"|seeking|striving)(?=[^.;]{0,100}?\bto\s+(?:determine|establish|verify|ascertain"
            r"|find\s+out|investigate|assess|understand)\s+(?:exactly\s+)?(?:what|whether|who|how"
            r"|why|the\s+(?:facts|cause|causes|circumstances|truth|origin|source))\b)"
            # An inquiry one opens, orders or conducts: "has launched an investigation into",
            # "researchers who conducted the largest study yet into whether…".
            r"|(?:launch|open|order|conduct|start|carr(?:y|ie)|set)\w*(?:\s+(?:out|up))?\s+"
            r"(?:an?\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w\-]+\s+){0,3}?"
            r"(?:investigation|inquiry|probe|review|study|audit)(?:\s+yet)?\s+into"
            r"|(?:began|begun|begins?)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}?"
            r"(?:investigation|inquiry|probe|review)\s+into)\b",
            re.I,
        ),
        Position.HEDGES,
        0.75,
    ),
    (
        re.compile(
            r"\b(?:accus(?:e|es|ed)|alleg(?:e|es|ed)|confirm(?:s|ed)?|acknowledg(?:e|es|ed)"
            r"|admit(?:s|ted)?|charg(?:es|ed)|blam(?:e|es|ed)|assert(?:s|ed)?|maintain(?:s|ed)?"
            r"|argu(?:e|es|ed)|contend(?:s|ed)?|condemn(?:s|ed)?|announc(?:e|es|ed)"
            r"|(?:reject(?:s|ed)?|denounc(?:e|es|ed))(?=\s+" + _VIOLENCE + r")"
            r"|classif(?:y|ies|ied)|identif(?:y|ies|ied)|indicat(?:e|es|ed))\b"
            r"|\blink(?:s|ed)?\b(?=[^.;]{1,80}\bto\b)|\b(?:responded|replied)\s+that\b"
            r"|\b(?:found|finds?)\s+that\b",
            re.I,
        ),
        Position.ASSERTS,
        0.9,
    ),
    (
        re.compile(
            r"\b(?:says?|said|stated|tells?|told|claim(?:s|ed)|insist(?:s|ed)?|warn(?:s|ed)"
            r"|reported|believ(?:e|es|ed)|estimat(?:e|es|ed)|assess(?:es|ed)?|concluded"
            r"|not(?:es|ed)|emphasi[sz](?:e|es|ed)|stress(?:es|ed)|reiterat(?:e|es|ed)"
            r"|underscor(?:e|es|ed)|explain(?:s|ed)|counter(?:s|ed)|(?:re)?affirm(?:s|ed)"
            r"|point(?:s|ed)\s+out"
            r"|tweet(?:s|ed)|posted|wr(?:ote|ites))\b"
            # "he added", "added that" (not "added sanctions")
            r"|\badd(?:s|ed)\b(?=\s+that\b|\s*[,.]|\s*$)"
            # An assessment or a ruling: "the government judges that…", "the court ruled
            # that…" (not "judged by", "ruled out").
            r"|\b(?:judg(?:e|es|ed)|determin(?:e|es|ed)|rul(?:e|es|ed)|conclude[sd]?)(?=\s+that\b)"
            # A finding made or stood by, and what it holds: "made a preliminary finding that…",
            # "is sticking by its decision that…", "considers in its report that…".
            r"|\b(?:made|makes?|reached|reaches|reach|issued|released|published|upheld|upholds?"
            r"|(?:stands?|stood|standing|sticks?|stuck|sticking)\s+(?:by|to))\s+"
            r"(?:a|an|the|its|their)\s+(?:[\w\-]+\s+)?(?:finding|conclusion|determination"
            r"|decision|assessment|opinion|view)(?=\s+that\b)"
            r"|\bconsider(?:s|ed)?(?=\s+(?:in\s+(?:a|an|the|its|their)\s+(?:[\w\-]+\s+){0,3}?)?that\b)"
            # "called the reports a smear campaign" (not "called for", "called on")
            r"|\bcall(?:s|ed)\b(?!\s+(?:for|on|off|up|in|out|back)\b)",
            re.I,
        ),
        Position.ASSERTS,
        0.8,
    ),
]
# The words of a hedging cue that make it an inquiry (see Frame.inquiry).
INQUIRY_CUE = re.compile(
    r"investigat|analy[sz]|examin|review|looking\s+into|assess|gathering|working|trying|seeking"
    r"|striving|inquiry|probe|study|audit",
    re.I,
)
# Cues whose speakers follow: "according to U.S. officials". "in response to"
# is how a spinning tool rewords "according to" (seed 004).
REPORTING = re.compile(
    r"(?:says?|said|stated|tells?|told|reported|according to|in response to|citing|added"
    r"|wrote|posted|tweeted|explained|stressed|emphasi[sz]ed)$",
    re.I,
)
PREP_CUE = re.compile(
    r"\b(?:according to|in response to|citing"
    r"|(?P<silence>no (?:immediate )?(?:response|comment|reaction|reply|statement)"
    r"(?: (?:issued|made|given))? (?:from|by)))\b",
    re.I,
)

HEDGE_MARKERS = re.compile(
    r"\b(?:appear(?:s|ed)? (?:to|that)|seem(?:s|ed)? (?:to|that)|may (?:have|be)|might(?: have| be)?|could (?:be|have)"
    r"|possibly|probably|likely|reportedly|apparent(?:ly)?|unconfirmed|unclear|not (?:yet )?(?:clear|confirmed|verified)"
    # A probability, not a verdict: "a probable carcinogen", "unlikely to cause cancer"
    # (but "highly unlikely" is as good as no, news's polite denial).
    r"|probable|(?<!highly )(?<!very )(?<!extremely )unlikely"
    # Evidence said to be weak or still being weighed: "evidence is inconsistent",
    # "limited evidence", "a possible link", "before drawing conclusions".
    r"|(?:evidence|data|studies|findings|results) (?:is|are|was|were|remains?) (?:\w+ )?(?:inconsistent|mixed|limited|inconclusive|conflicting|weak|insufficient)"
    r"|(?:limited|inconclusive|conflicting|mixed|insufficient) (?:\w+ )?evidence"
    r"|possible (?:associations?|links?|connections?|roles?|causes?|(?:risk )?factors?)"
    # Hedge cues of the published lexicons (Hyland's metadiscourse hedges, the CoNLL-2010
    # cues) as news words them: "studies that suggest…", "potentially", "cannot rule out",
    # "assessed with moderate confidence", modal "may" with its verb (not the month).
    r"|suggest(?:s|ed|ing)?|potential(?:ly)?|(?:low|moderate|medium)[\s\-]+confidence"
    r"|it\s+(?:appears|appeared|seems|seemed)"
    r"|(?:could|would|did|does|do)(?:\s+not|n['\u2019]t)\s+rule\s+out|not\s+ruling\s+out"
    r"|(?-i:may)\s+(?!not\b)(?-i:[a-z]+)|(?:can|could|may|might)\s+sometimes"
    r"|before (?:drawing|reaching|making) (?:any )?(?:conclusions?|judge?ments?)|rush to judge?ments?"
    r"|(?:not|n['\u2019]t|un)(?: been)? able to (?:\w+ly )?(?:identify|determine|establish|confirm|verify|corroborate)"
    r"|no (?:clear )?(?:indications?|evidence|signs?)|if confirmed"
    r"|if\s+(?:its|the|a|an|further)\b[^,.;]{0,80}?\b(?:confirms?|shows?|finds?|proves?)"
    r"|could (?!not\b)\w+|unable to (?:verify|confirm|say)|(?:could|can)(?:not|n['\u2019]t| not) (?:say|confirm|verify)"
    r"|(?:is|are|was|were) (?:widely )?believed to|concerned (?:that|about)|consistent with"
    r"|expect(?:s|ed|ing)?"
    # Not having seen it is not saying it did not happen.
    r"|(?:yet to|not|n['\u2019]t|never) (?:see|seen|find|found|know|verif\w+|establish\w*) (?:any )?(?:evidence|proof)"
    # What would be, if: "any deployment … would be lawful".
    r"|any\s+\w+(?:\s+\w+){0,4}\s+would)\b",
    re.I,
)
DENIAL_MARKERS = re.compile(
    r"\b(?:never|baseless|groundless|absurd|fabricat\w*|false|not true|untrue|rumou?rs?|nonsense"
    r"|lies|smear|farce|fakes?|fiction|hoax|slander\w*|unfounded|ridiculous|preposterous"
    # "has nothing to do with the blasts", "claims that it was behind them are stupid".
    r"|nothing\s+to\s+do\s+with|stupid"
    r"|disinformation|misinformation|propaganda|conspiracy\s+theor\w+|debunked"
    r"|safe(?:st)?\s+(?:\w+\s+){0,2}(?:option|choice|to\s+use|for)"
    r"|(?:is|are|was|were|remains?|being|considered|deemed)\s+(?:\w+ly\s+)?safe"
    # A headline drops the verb: "Says Paracetamol Safe in Pregnancy".
    r"|safe\s+(?:in|during)\s+(?!the\s+knowledge)"
    # What a sound product is to a drug claim, a sound count is to a fraud claim: "elections
    # in the county are fair, transparent, accurate", "was the most secure in history"
    # (not "it is fair to say").
    r"|(?:is|are|was|were|remains?)\s+(?:\w+ly\s+)?(?:the\s+)?(?:most\s+)?"
    r"(?:fair|secure|accurate)\b(?!\s+to\b)"
    r"|not\s+(?:linked|connected|supported\s+by)|lack\s+of\s+(?:\w+\s+){0,2}evidence"
    # "We will appeal this egregious verdict": the finding is contested.
    r"|appeal\w*\s+(?:the|this|that|these|all|both)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:verdicts?|rulings?|decisions?|awards?|judgm?ents?)"
    r"|(?:defend\w*|stands?\s+(?:by|behind)|backs?|backed|supports?|supported|agreed\s+on|proving|proves?"
    r"|confirm\w*|establish\w*)\s+(?:the\s+)?safety"
    r"|safety\s+of\s+[^.;]{1,80}?\s+[\u201c\"]?is\s+(?:backed|supported|well\s+established)"
    r"|continue\s+(?:to\s+)?(?:use|take|using|taking))\b",
    re.I,
)
# A negated main verb in what a speaker said: "Moscow said North Korea did not
# supply…", "…has not sent troops, Moscow said", "has yet to", "had no
# intention of", "there is no evidence that". The speaker denies the matter.
# "not to fight" (no auxiliary) and a relative clause (", which has not …,")
# do not negate the statement.
COMPLEMENT_NEGATION = re.compile(
    r"\b(?:do|does|did|is|are|was|were|has|have|had|will|would|could|can|should|must)"
    r"(?:\s+(?:also|ever|so\s+far|yet))?\s+(?:not|never)\b"
    # "Taking it is not good, don't take it": a warning, not a denial - a good thing
    # negated, and an imperative.
    r"(?!\s+(?:good|safe|healthy|okay|advisable)\b)"
    r"|\b(?!(?<=[,;:.!?\u201c\"] )don['\u2019]t\b)\w+n['\u2019]t\b(?!\s+(?:good|safe)\b)"
    # A classification refused: "cannot be classified as carcinogenic" (one word, "cannot").
    r"|\bcannot\s+be\s+(?:classified|considered|regarded|labell?ed|deemed)\s+as\b"
    r"|\bnever\s+(?:\w+ed|been|sent|sold|bought|given|made|built)\b"
    r"|\b(?:has|have|had)\s+yet\s+to\b"
    r"|\b(?:has|have|had|is|are|was|were)\s+no\s+"
    r"(?!doubt\b|longer\b|good\b|better\b|different\b|details?\b|information\b"
    r"|(?:clear\s+)?(?:indications?|signs?)\b)\w+"
    r"|\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?no\b"
    r"(?:\s+(?:\w+\s+)?(?:evidence|proof|truth)\b)?"
    r"|\bno\s+(?:evidence|proof)\s+(?:that|of)\b"
    r"|\bneither\b"
    # "received no missiles", "sent no troops", "found no evidence"
    r"|\b(?:[a-z]+ed|sent|sold|saw|got|made|gave|found|had)\s+no\s+"
    r"(?!doubt\b|longer\b|(?:clear\s+)?(?:indications?|signs?)\b)\w+",
    re.I,
)
# A relative or parenthetical clause inside a complement, left out of the
# negation check: ", which has not commented,".
_INSERTED_CLAUSE = re.compile(
    r",\s*(?:which|who|whom|whose|where|when|while|although|though)\b[^,]*(?:,|$)", re.I
)
NEGATION_BEFORE = re.compile(
    r"(?:\bnot|n['\u2019]t|\bnever|\bneither|\byet\s+to)\s+(?:\w+\s+)?$",
    re.I,
)
# "would not say", "have not publicly said": a refusal, no comment ("could not
# say" is not knowing: a hedge, as a negated cue is).
REFUSED_BEFORE = re.compile(
    r"\b(?:would|will|did|does|do|has|have|had)\s*(?:not|n['\u2019]t)\s+(?:\w+ly\s+)?$"
    r"|\b(?:never|yet\s+to)\s+(?:\w+ly\s+)?$",
    re.I,
)
# Saying, and owning up to: not done by the one who would, it is no comment
# ("has never officially acknowledged", "has yet to acknowledge").
SAYING_CUE = re.compile(
    r"^(?:says?|said|tell|tells|told|stated|acknowledg(?:e|es|ed)|admit(?:s|ted)?|confirm(?:s|ed)?)$",
    re.I,
)
# Cues that are also plural nouns, and what follows them as nouns: "calling the
# U.S. claims “absurd”", "Seoul's reports were wrong" (but "Seoul reports North Korea…").
NOUN_CUES = re.compile(r"^(?:claims|reports|charges|estimates|calls)$", re.I)
NOUN_FOLLOWS = re.compile(
    r"^\s*(?:[\u201c\"\u2018,.;:)]|(?:were|was|are|is|of|about|against|as|and|or|by|from|on)\b)",
    re.I,
)
# What may close a clause after its attribution: "…, KCNA said in a statement."
TRAILING_TAIL = re.compile(
    r"[\s,]*(?:(?:on\s+)?\w+day|today|yesterday|late|early|earlier|later)?"
    r"(?:\s*,?\s*(?:in|at|on|during|to|from|after|before|via|through|according\s+to|citing)\s+"
    r"(?:an?\s+|the\s+|its\s+)?"
    r"(?:[\w\-\u2019']+\s+){0,3}[\w\-\u2019']+)?"
    r"(?:\s*,?\s*(?:on\s+)?\w+day)?[\s.\u201d\"]*",
    re.I,
)
# Reporters, not speakers, when they come between a name and a verb: "Russian state media reported".
MEDIA_GAP = re.compile(
    r"^(?:['\u2019]s)?\s*(?:official\s+|state\s+|news\s+)*(?:media|news\s+agency|agency|television|tv"
    r"|newspaper|broadcaster|outlet)\b",
    re.I,
)
# A speaker named with its role before a preposition: "a spokesperson for the North's
# foreign ministry said", "a senior official at the ministry".
ROLE_BEFORE_PREPOSITION = re.compile(
    r"\b(?:spokes(?:person|man|woman)|officials?|ministers?|ambassador|envoy|representatives?"
    r"|diplomats?|sources?|head|chief|director|members?|lawmakers?|commanders?|president"
    r"|chair(?:man|woman)?|counsel|lawyers?|attorneys?|researchers?|scientists?|officers?)"
    # "Vice President of Litigation at J&J", "director Elizabeth Ward of the American
    # Cancer Society": a title's own words, or the person's name, before the preposition
    r"(?:\s+(?:of|for)\s+[A-Z][\w\-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w\-]*){0,4}"
    r"|(?:\s+[A-Z][\w'\u2019\-.]+){1,3})?"
    r"\s+(?:for|of|at)\s+(?:the\s+)?$",
    re.I,
)
PERSON_OF_BODY = re.compile(
    r"\s*[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-.]+){0,2},\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w\-]+\s+){0,4}?(?:spokes(?:person|man|woman)|president|director|chief|head|officer"
    r"|official|executive|chair(?:man|woman)?|secretary|minister|researcher|scientist|epidemiologist"
    r"|lawyer|counsel|adviser|advisor|member)\s+(?:of|at|for|with)\s+(?:the\s+)?"
)
QUOTE_THEN_SPEAKER = re.compile(r"[,.!?][\u201d\"]\s+(?:[^\s,\u201c\"]+\s+){0,6}$")
PARENTHETICAL = re.compile(r"^(?:['\u2019]s\s+[^,]{0,40})?,\s+[^,]{1,80},\s*")
# A name right after a verb in the past is its object, not a speaker.
OBJECT_OF_VERB = re.compile(r"\b(?!(?:United|Limited|Red)\b)[a-z]+ed\s+(?:the\s+|an?\s+)?$")
# A speaker named before a relative clause: "Vikram Misri, who earlier asserted that…"
RELATIVE_SPEAKER = re.compile(
    r"^\s*,\s*who\s+(?:(?:\w+ly|earlier|also|later|had|has|have|then)\s+)*$"
    # "U.S. researchers who conducted the largest study yet into…": a role noun's own clause.
    r"|^\s+(?:[a-z][\w\-]*\s+)?(?:researchers|scientists|officials|experts|investigators"
    r"|analysts|authorities|regulators|inspectors|auditors)\s+who\s+"
    r"(?:(?:\w+ly|earlier|also|later|had|has|have|then)\s+)*$",
    re.I,
)
# A relative clause closing right before a verb cue: ", which has ended talks with Israel, ".
RELATIVE_INSERTED = re.compile(r",\s*(?:who|which)\s+[^,;:\"\u201c\u201d]{1,150}?,\s*$", re.I)
# Where a speaker is, not whom it speaks for: "a Russian embassy spokesperson in Seoul".
ROLE_IN_PLACE = re.compile(
    r"\b(?:spokes(?:person|man|woman)|officials?|ambassador|envoy|diplomats?|embassy|mission"
    r"|correspondent|representatives?)\s+(?:in|based\s+in)\s+$",
    re.I,
)
# Inside the gap between a name and its verb: "'s mission to the United Nations",
# "'s ambassador to the U.N., Vassily Nebenzia,", a name in apposition.
_GAP_ORGANISATION = re.compile(
    r"^(['\u2019]s\s+(?:[a-z]+\s+){1,3})(?:to|at|in)\s+(?:the\s+)?(?:[A-Z][\w.]*\s*)+", re.S
)
_GAP_APPOSITION = re.compile(r",\s*(?:[A-Z][\w.\-\u2019']*\s*){1,4},")
# A proper name after the possessive, however long: "'s Joint Chiefs of Staff",
# "'s Vice Foreign Minister Kim Jong Gyu", "'s Ministry of Defence".
_GAP_PROPER_NAME = re.compile(
    r"^(['\u2019]s)\s+[A-Z][\w.\-]*(?:\s+(?:(?:of|and|for|on)\s+(?:the\s+)?)?[A-Z][\w.\-]*)*"
)
# Auxiliaries and negation before the verb: "Putin last month did not deny".
_GAP_AUXILIARY = re.compile(
    r"\b(?:did|does|do|has|have|had|would|will|could|can)\s+(?:not|never)\b|\b(?:not|never)\b", re.I
)
SHORT_NAME_IN_BRACKETS = re.compile(r"^\s*\(\s*[A-Z][\w&.\-]{1,11}\s*\)")
NOUN_BEFORE = re.compile(
    r"(?:['\u2019]s|\b(?:the|a|an|these|those|such|its|their|his|her|our))\s+$", re.I
)
PASSIVE_BEFORE = re.compile(
    r"\b(?:been|be|being|was|were|is|are)\s+(?:(?:\w+ly|also|not|never|already|since)\s+)?$", re.I
)

# What may stand between a speaker and its verb: "'s spy agency", "has long",
# "officials on Friday", ", a spokesperson". Words of these kinds may not.
APPOSITION_OF = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:of|at|within|for)\s+"
    r"(?:the\s+)?",
    re.I,
)
DOCUMENT_ABOUT = re.compile(
    r"\b(report|analysis|assessment|review|study|opinion|evaluation|findings|paper)"
    r"\s+of\s+(?:the\s+|its\s+)?(?:[\w\-'\u2019]+\s+){1,3}$",
    re.I,
)
GAP = re.compile(r"^(?:['\u2019]s)?[\s,]*(?:[\w\-.]+[\s,]+){0,4}$")
GAP_STOP = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "of",
        "to",
        "for",
        "from",
        "with",
        "about",
        "against",
        "into",
        "than",
        "whether",
        "when",
        "where",
        "while",
        "because",
        "after",
        "before",
        "if",
        "in",
        "on",
        "at",
        "by",
        "is",
        "was",
        "were",
        "are",
        "be",
        "said",
        "says",
        "met",
    ]
)
COORDINATION = re.compile(
    r"^(?:\s+among\s+other\s+\w+)?\s*(?:,\s*(?:and|or|as well as)?|and|or|as well as)\s*(?:the\s+)?$",
    re.I,
)
PREPOSITIONS = frozenset(
    [
        "of",
        "to",
        "from",
        "with",
        "for",
        "by",
        "against",
        "about",
        "on",
        "at",
        "in",
        "into",
        "toward",
        "towards",
        "than",
        "between",
        "over",
    ]
)
# Nouns an "according to" phrase may end in: "U.S. intelligence officials".
ROLE_WORDS = frozenset(
    [
        "officials",
        "officers",
        "official",
        "officer",
        "intelligence",
        "sources",
        "source",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ministry",
        "military",
        "government",
        "authorities",
        "analysts",
        "experts",
        "media",
        "state",
        "news",
        "agency",
        "diplomats",
        "diplomat",
        "lawmakers",
        "leaders",
        "leader",
        "agencies",
        "services",
        "service",
        # The bodies that speak for a state: "Pakistan's army said", "the embassy said".
        "army",
        "navy",
        "forces",
        "armed",
        "embassy",
        "office",
        "department",
        "administration",
        "police",
        "regulator",
        "regulators",
    ]
)
# Reporters, not speakers: "according to Russian state media".
MEDIA_WORDS = frozenset(
    ["media", "agency", "agencies", "outlet", "outlets", "newspaper", "television", "tv"]
)
PRONOUN = re.compile(
    r"(?:^|\s)(?P<p>he|she|they|it|(?:both|the\s+two)\s+(?:countries|governments|nations|sides)"
    r"|the\s+(?:\w+['\u2019]s\s+)?(?:\w+\s+){0,2}(?:agency|ministry|outlet|company|media|firm|kingdom"
    r"|spokesperson|spokesman|spokeswoman|official|government|statement|report|department"
    r"|regulator))"
    r"(?:\s+(?:also|has|had|have|later|then|earlier|could|would|can|will|may|might|did|does|do"
    r"|was|were|is|are|not|only|still|\w+ly))*\s*$",
    re.I,
)
# A participle phrase between a subject and its verb: "The statement, carried by KCNA, called…"
_PARTICIPLE_PHRASE = re.compile(
    r",\s*(?:carried|published|issued|released|quoted|cited|read|broadcast)\b[^,]*,\s*$", re.I
)
DATE_WORDS = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday"
    r"|earlier|later|last\s+\w+|this\s+\w+)\b",
    re.I,
)


@dataclass
class Frame:
    """One attribution inside a clause (all offsets are article offsets)."""

    cue: str
    cue_start: int
    cue_end: int
    position: str
    strength: float
    speakers: list[Mention]
    clause: Span
    complement: tuple[int, int]
    trailing: bool = False  # the attribution follows what was said ("…, KCNA said.")
    relay: bool = False  # reports what another speaker in the sentence said
    media: bool = False  # "according to state media": a reporter, never a speaker
    pronoun: str = ""
    via: Frame | None = None
    notes: list[str] = field(default_factory=list)
    # The speaker is a person speaking for the source ("Ukraine's defense minister
    # Rustem Umerov said"): a later "he said" may stand for it.
    person: bool = False
    # What the cue alone says, and whether it was negated, before what was said weighed in.
    cue_position: str = Position.ASSERTS
    negated: bool = False
    # An inquiry the speaker opens or conducts into the event ("is analysing evidence", "has
    # launched an investigation into"): a hedge on every account of the event.
    inquiry: bool = False

    @property
    def via_text(self) -> str:
        if self.via is None:
            return ""
        if self.via.trailing or self.via.cue.lower() in {"according to", "citing"}:
            return self.via.text
        return self.via.text

    @property
    def text(self) -> str:
        """The words of the attribution itself: "KCNA said", "according to Russian state media"."""
        if not self.speakers:
            return self.cue
        first = min(self.speakers[0].start, self.cue_start)
        last = max(self.speakers[-1].end, self.cue_end)
        return self.clause.text[first - self.clause.start : last - self.clause.start]


# Doubt that stops short of denial: "the evidence remains inconsistent", "no conclusive
# evidence", "has not been established", "more research is needed", "no details".
# Denying a cause, however qualified: "no definitive causative association", "no
# established causal link" (read before QUALIFIED_DOUBT, whose "no definitive" it is).
# A study or review that has been done and "found no link" reports its finding, however
# qualified ("found no conclusive link"): a denial; "no evidence yet" is what is still open.
NO_CAUSAL_LINK = re.compile(
    r"\bno\s+(?:(?:definitive|established|proven|conclusive|scientific|credible|known)\s+)*"
    r"(?:causal|causative)\s+(?:link|association|relationship|connection)\b"
    r"|\b(?:found|find|finds|showed|shown)\s+no\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:link|association|relationship|connection)\b(?![^.;]{0,60}\byet\b)",
    re.I,
)
# A cue that vouches for what follows, with a thing's safety as its object: "the regulator
# confirms the herbicide's safety", "reaffirmed the safety of its powder" - what a sound
# product is to a harm claim (see DENIAL_MARKERS), not safety concerns or a safety review.
VOUCHING_CUE = re.compile(
    r"^(?:confirm|(?:re)?affirm|reiterat|stress|emphasi|underscor|maintain|assert)", re.I
)
SAFETY_OBJECT = re.compile(
    r"^\s*(?:the\s+|its\s+|their\s+)?(?:[\w\-'\u2019]+\s+){0,3}?safety\b"
    r"(?!\s+(?:concerns?|risks?|issues?|problems?|fears?|questions?|warnings?|reviews?|probes?"
    r"|investigations?|alerts?|scares?|signals?|recalls?|lapses?|failures?|breach\w*|violations?"
    r"|data|record|measures?|rules?|standards?|checks?|tests?|testing|studies|study|panel))",
    re.I,
)
QUALIFIED_DOUBT = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:conclusive|consistent|definitive|firm|established|proven)\b"
    r"|\bin(?:conclusive|consistent)\b|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:established|proven|conclusive)\b"
    r"|\bmore\s+research\b|\bcannot\s+(?:be\s+)?rule[ds]?\s+out\b|\bno\s+(?:further\s+)?(?:details|information)\b"
    # Doubt about how sure one can be, not a denial: "the evidence does not suffice to claim
    # it definitively causes…", "not necessarily", "too early to say", "insufficient evidence".
    r"|\b(?:does|do|did)\s+not\s+(?:suffice|prove|establish|show\s+conclusively)\b"
    r"|\bnot\s+(?:\w+\s+){0,3}?(?:definitively|conclusively|necessarily)\b"
    r"|\b(?:too\s+early|premature)\s+to\s+(?:say|tell|determine|conclude|draw)\b"
    r"|\b(?:insufficient|limited|weak|mixed)\s+(?:scientific\s+)?evidence\b"
    r"|\bnot\s+(?:yet\s+)?(?:enough|sufficient)\s+(?:\w+\s+)?(?:evidence|data|proof)\b"
    r"|\b(?:determine|establish|verify|find\s+out|investigate|assess)\s+(?:what|whether|who|how|if)\b",
    re.I,
)


SPEAKERS_NEXT_DEED = re.compile(
    r"[,;]?\s+(?:but|and|yet)\s+(?:then\s+)?(?:offered|provided|gave|presented|cited|produced"
    r"|showed|failed|refused|declined)\b",
    re.I,
)


# An "as" clause after what was said is the reporter's: "…, the White House said, as Biden
# said…", "said its pain reliever is safe, as shares in the firm dropped" (not "as well as",
# "as a result", "as part of").
AS_CLAUSE = re.compile(
    r",\s+as\s+(?!well\b|of\b|part\b|an?\s+(?:result|whole|matter)\b|such\b|much\b|many\b"
    r"|long\b|soon\b|far\b|if\b|though\b|usual\b|expected\b|required\b|directed\b|described\b"
    r"|opposed\b|needed\b|necessary\b|evidence\b|proof\b)",
    re.I,
)


def _before_as_clause(rest: str) -> str:
    found = AS_CLAUSE.search(rest)
    return rest[: found.start()] if found else rest


def cue_words(text: str) -> list[str]:
    """The attribution cues in ``text`` ("denied", "according to"), whoever speaks: for the
    "why" of a sentence whose cue found no known speaker (explain.py)."""
    found = [m.group(0) for pattern, _, _ in VERB_CUES for m in pattern.finditer(text)]
    found += [m.group(0) for m in PREP_CUE.finditer(text)]
    return list(dict.fromkeys(found))


def position_for(base: str, *, negated: bool, complement: str, cue: str) -> tuple[str, list[str]]:
    """The position a cue expresses, given a negation before it and what it introduces."""
    notes: list[str] = []
    if base == Position.NO_COMMENT:
        return base, notes
    if base == Position.DENIES:
        if negated:
            return Position.HEDGES, ["negated denial"]
        return base, notes
    if base == Position.HEDGES:
        return base, notes
    if negated:
        if re.match(r"classif", cue, re.I) and re.search(r"\bas\b", complement, re.I):
            # "did not classify it as carcinogenic": a classification refused, not a doubt.
            return Position.DENIES, ["classification refused"]
        return Position.HEDGES, ["negated"]
    # "…told a judge that there was widespread fraud but offered no evidence": what the
    # speaker did next is the reporter's account, not what the speaker said.
    complement = SPEAKERS_NEXT_DEED.split(complement, maxsplit=1)[0]
    if VOUCHING_CUE.match(cue) and SAFETY_OBJECT.match(complement):
        return Position.DENIES, ["safety vouched for"]
    no_link = NO_CAUSAL_LINK.search(complement)
    if no_link:
        return Position.DENIES, [f"denial marker: {no_link.group(0)}"]
    doubt = QUALIFIED_DOUBT.search(complement)
    if doubt:
        return Position.HEDGES, [f"qualified doubt: {doubt.group(0)}"]
    denial = DENIAL_MARKERS.search(complement)
    if denial:
        return Position.DENIES, [f"denial marker: {denial.group(0)}"]
    negation = complement_negation(complement)
    if negation and re.search(r"\bno\s+(?:evidence|proof)\b", negation, re.I):
        return Position.DENIES, [f"negated complement: {negation}"]
    hedge = HEDGE_MARKERS.search(complement)
    if hedge and negation and _modal_under_negation(complement, negation, hedge):
        # "found no fraud that could have changed the outcome": the modal is in what the
        # negated main clause says was not there.
        return Position.DENIES, [f"negated complement: {negation}"]
    if hedge:
        notes.append(f"hedge marker: {hedge.group(0)}")
        return Position.HEDGES, notes
    if negation:
        return Position.DENIES, [f"negated complement: {negation}"]
    return base, notes


def _modal_under_negation(complement: str, negation: str, hedge: re.Match[str]) -> bool:
    """Whether a modal hedge sits in a relative clause after the negated main clause."""
    at = complement.find(negation)
    return (
        0 <= at < hedge.start()
        and bool(re.match(r"(?:could|may|might|would)\b", hedge.group(0), re.I))
        and bool(
            re.search(r"\b(?:that|which|who)\b", complement[at + len(negation) : hedge.start()])
        )
    )


def complement_negation(complement: str) -> str:
    """The words that negate what was said, if its main clause is negated ("did not supply")."""
    found = COMPLEMENT_NEGATION.search(_INSERTED_CLAUSE.sub(",", complement))
    return found.group(0) if found else ""


# Where a negation's reach ends: "he did not respect the lawyers who told him he lost, and
# that…" negates the respect, not what the lawyers told him.
NEGATION_SCOPE_END = re.compile(r"[,;:\u2014\u2013]|\s(?:who|whom|which|while|but)\b", re.I)


def negated_scope(complement: str) -> str:
    """The words a negation in what was said bears on, up to the end of its clause ("did not
    strike the hospital"), or "" when what was said is not negated."""
    plain = _INSERTED_CLAUSE.sub(",", complement)
    found = COMPLEMENT_NEGATION.search(plain)
    if found is None:
        return ""
    end = NEGATION_SCOPE_END.search(plain, found.end())
    return plain[found.start() : end.start() if end else len(plain)]


def _last_word(text: str) -> str:
    """The last word before a name, past its article: "carried by the" -> "by"."""
    words = re.findall(r"[\w\u2019']+", text)
    while len(words) > 1 and words[-1].lower() in {"the", "a", "an"}:
        words.pop()
    return words[-1].lower() if words else ""


COMPOUND_AFTER = re.compile(r"-[a-z]")


def _speakers_before(
    text: str, offset: int, mentions: list[Mention], cue_start: int
) -> list[Mention]:
    """The coordinated mentions right before a verb cue ("Moscow and Pyongyang have denied")."""
    # "Saudi Arabia, which has ended talks with Israel since the conflict flared, called…":
    # a relative clause between the subject and its verb, and the names in it, are passed.
    inserted = RELATIVE_INSERTED.search(text, 0, cue_start - offset)
    until = offset + inserted.start() if inserted else cue_start
    # "another that is Palestinian-made, the intelligence official said": a name inside a
    # compound word ("Palestinian-made", "Hamas-controlled") names no speaker.
    before = [
        m for m in mentions if m.end <= until and not COMPOUND_AFTER.match(text, m.end - offset)
    ]
    if not before:
        return []
    nearest = before[-1]
    gap = text[nearest.end - offset : until - offset] + (" " if inserted else "")
    if len(before) > 1:
        # "a Russian embassy spokesperson in Seoul said": Russia speaks, from Seoul.
        role = ROLE_IN_PLACE.search(text[before[-2].end - offset : nearest.start - offset])
        if role:
            gap = text[before[-2].end - offset : before[-2].end - offset + role.start()] + gap
            before, nearest = before[:-1], before[-2]
    if len(before) > 1 and re.match(r"\s*,\s*$", gap):
        # "the agency, a division of the World Health Organization, classified…": the body
        # an apposition names is the subject's parent, not the subject.
        apposition = text[before[-2].end - offset : nearest.start - offset]
        if APPOSITION_OF.fullmatch(apposition):
            gap = " "
            before, nearest = before[:-1], before[-2]
    # "…in the case of Eva Echeverria, who alleged…": the relative pronoun's antecedent
    # speaks, even after a preposition.
    # "Acme, the maker of the pills, which has fought…": past an apposition too,
    # where "which" may stand for an organisation (not in "North Korea, which has not
    # commented, sent…", an aside in another's words).
    past_apposition = PARENTHETICAL.sub(", ", gap, count=1)
    relative = bool(
        RELATIVE_SPEAKER.match(gap)
        or (
            past_apposition != gap
            and RELATIVE_SPEAKER.match(re.sub(r"\bwhich\b", "who", past_apposition))
        )
    )
    if relative:
        gap = " "
    # A phrase between commas: "Human Rights Watch, after a thorough investigation, announced"
    gap = PARENTHETICAL.sub(" ", gap)
    # An opening quote between a speaker and its verb: 'Saudi Arabia "categorically rejects';
    # a quoted word: 'the ministry has “flatly” denied'.
    gap = re.sub(r"\u201c([\w\-]+)\u201d", r" \1 ", gap).replace("\u201c", " ").replace('"', " ")
    # A short name in brackets after the full one: "the Defence Intelligence Agency (DIA)
    # said", registered or not.
    if text[: nearest.start - offset].endswith("("):
        gap = re.sub(r"^\s*\)", " ", gap)
    gap = SHORT_NAME_IN_BRACKETS.sub(" ", gap)
    # "an EPA draft analysis of the herbicide says": what a body's document is about,
    # between the document and its verb, is no other subject.
    gap = DOCUMENT_ABOUT.sub(r"\1 ", gap)
    # "has yet to comment", "continues to deny": the speaker's own verb follows.
    gap = re.sub(
        r"\b(?:yet|continu(?:e|es|ed|ing)|went\s+on|goes\s+on)\s+to\b",
        " ",
        DATE_WORDS.sub(" ", gap),
        flags=re.I,
    )
    gap = _GAP_AUXILIARY.sub(" ", _GAP_PROPER_NAME.sub(r"\1", gap))
    gap = _GAP_APPOSITION.sub(" ", _GAP_ORGANISATION.sub(r"\1", gap))
    if not GAP.match(gap) or set(re.findall(r"[a-z]+", gap.lower())) & GAP_STOP:
        return []
    if re.search(r",\s+(?:the|a|an)\s+\w+\s*$", gap):
        return []  # "…Israeli claims, the investigation said": another subject
    lead = text[: nearest.start - offset]
    if (
        _last_word(lead) in PREPOSITIONS
        and not relative
        and not ROLE_BEFORE_PREPOSITION.search(lead)
    ):
        return []
    if OBJECT_OF_VERB.search(lead) and not relative:
        return []  # "summoned the Indian deputy high commissioner and condemned…"
    group = [nearest]
    for previous in reversed(before[:-1]):
        between = text[previous.end - offset : group[0].start - offset]
        if not COORDINATION.match(between):
            break
        if _last_word(text[: previous.start - offset]) in PREPOSITIONS:
            break  # "troops to Russia, South Korean officials said": Russia is no speaker
        group.insert(0, previous)
    return group


PERSON_ROLE = re.compile(
    r"\b(?:minister|president|premier|chancellor|spokes(?:person|man|woman)|secretary|ambassador"
    r"|envoy|chief|commander|general|director|head|leader|official|lawmaker|senator|adviser"
    r"|sister|brother|king|prince)\b",
    re.I,
)


def _names_a_person(phrase: str) -> bool:
    """Whether the words of a speaker phrase name one person ("defense minister Rustem Umerov")."""
    return bool(PERSON_ROLE.search(phrase)) and not re.search(r"\bofficials\b", phrase, re.I)


def _subject_of_coordinated_verb(
    text: str, offset: int, mentions: list[Mention], before_text: str
) -> list[Mention]:
    """The subject a coordinated verb shares: "The Biden administration was asked whether
    it had new evidence and declined to comment": the administration declined."""
    if not re.search(r"\b(?:and|but|or)\s+(?:\w+ly\s+|then\s+|later\s+)?$", before_text, re.I):
        return []
    first = next((m for m in mentions if m.start >= offset), None)
    # "But most Republican lawmakers have either said …, or avoided public comment".
    if first is None or not re.fullmatch(
        r"\s*(?:(?:but|and|yet)\s+)?(?:(?:the|a|an|most|many|some|several|other|all)\s+)?",
        text[: first.start - offset],
        re.I,
    ):
        return []
    return [first]


DATELINE_LEAD = re.compile(
    r"^[A-Z][^,;\u201c\"]{0,30},[^;\u201c\"]{1,40}?\s(?:--|\u2014|\u2013)\s+"
)


def _subject_of_participle(
    text: str, offset: int, mentions: list[Mention], cue_start: int
) -> list[Mention]:
    """The subject of the clause a participle hangs on: "Texas Attorney General Ken Paxton
    filed a lawsuit against Kenvue, alleging…": Texas alleges, not Kenvue. The subject is
    the clause's first name, with at most a title or an article before it (and a dateline:
    "India, Sept. 24 -- The United States Food and Drug Administration has issued…")."""
    lead = DATELINE_LEAD.match(text)
    if lead:
        offset, text = offset + lead.end(), text[lead.end() :]
    first = next((m for m in mentions if m.start >= offset and m.end <= cue_start), None)
    if first is None or not re.fullmatch(
        # A title's words are capitalised ("Texas Attorney General"): "The news that Acme…"
        # puts the name in a clause of its own, not at the head of the sentence.
        r"[\s\-\u2013\u2014\u2022*]*(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w.\-\u2019']*\s+){0,3}",
        text[: first.start - offset],
        re.I,
    ):
        return []
    # The subject and the names in apposition to it ("Texas Attorney General Ken Paxton"),
    # all of one source.
    return [
        m
        for m in mentions
        if m.start >= first.start and m.end <= cue_start and m.source.id == first.source.id
    ][:1]


def _passive_agent(text: str, offset: int, mentions: list[Mention], cue_end: int) -> list[Mention]:
    """The speaker of a passive cue: "were denied by Pyongyang", "rejected as fakes by Moscow"."""
    after = text[cue_end - offset :]
    found = re.match(r"(?:\s+[^\s,;]+){0,5}?\s+by\s+(?:the\s+)?", after)
    if found is None:
        return []
    at = cue_end + found.end()
    for mention in mentions:
        if mention.start >= at and not text[at - offset : mention.start - offset].strip(" ,"):
            return [mention]
        if mention.start >= at:
            # "by the Russian foreign ministry": an adjective of a name first
            words = text[at - offset : mention.start - offset].split()
            return [mention] if len(words) <= 1 else []
    return []


def _speaker_after(
    text: str, offset: int, mentions: list[Mention], cue_start: int, cue_end: int
) -> list[Mention]:
    """ "…," said Kirby." - a single mention right after the verb, ending the clause."""
    after = [m for m in mentions if m.start >= cue_end]
    if not after or not re.search(r"[,\u201d\"]\s*$", text[: cue_start - offset]):
        return []
    first = after[0]
    between = text[cue_end - offset : first.start - offset]
    # '…," said Lawrence, vice president of the American College of …': the body a person
    # named after the verb speaks for.
    if not (re.fullmatch(r"\s*(?:the\s+)?", between, re.I) or PERSON_OF_BODY.fullmatch(between)):
        return []
    # '…, says the agency (ECHA) in a new report.': its short name in brackets, then where or
    # when it said so, still close the clause.
    if not re.match(
        r"\s*(?:\([^()]{1,20}\)\s*)?(?:[,.;]|$|(?:in|on|at|during|after|before|via|through)\s)",
        text[first.end - offset :],
    ):
        return []
    return [first]


def _speakers_following(
    text: str, offset: int, mentions: list[Mention], cue_end: int, *, about: bool = False
) -> tuple[list[Mention], bool]:
    """The noun phrase after "according to": coordinated mentions, then role words only.

    With ``about`` the phrase may go on with what it was about ("no response from
    Moscow regarding the report").

    Returns the mentions and whether the phrase names a reporter (media) rather than a speaker.
    """
    group: list[Mention] = []
    position = cue_end
    for mention in (m for m in mentions if m.start >= cue_end):
        between = text[position - offset : mention.start - offset]
        if group and not COORDINATION.match(between):
            break
        if not group and not re.fullmatch(r"\s*(?:the\s+)?", between, re.I):
            break
        group.append(mention)
        position = mention.end
    if not group:
        return [], False
    tail = text[position - offset :]
    ends = r"[,.;:\u201d\"]|$" + (r"|(?:regarding|on|about|over)\b" if about else "")
    head = re.match(rf"^(?:['\u2019]s)?((?:\s+[\w\-]+){{0,4}}?)\s*(?:{ends})", tail)
    if head is None:
        return [], False
    words = head.group(1).lower().split()
    if any(w not in ROLE_WORDS for w in words):
        return [], False
    return group, bool(set(words) & MEDIA_WORDS)


def frames_in_clause(clause: Span, mentions: list[Mention]) -> list[Frame]:
    """Every attribution in one clause, inner reports linked to their reporters."""
    text, offset = clause.text, clause.start
    inside = [m for m in mentions if m.start >= clause.start and m.end <= clause.end]
    taken = [(m.start, m.end) for m in inside]
    frames: list[Frame] = []
    cues = []
    for pattern, position, strength in VERB_CUES:
        for match in pattern.finditer(text):
            start, end = offset + match.start(), offset + match.end()
            if any(s < end and start < e for s, e in taken):
                continue  # "States" in "United States" is a name, not a verb
            taken.append((start, end))
            cues.append((start, end, match.group(0), position, strength))
    for start, end, cue, position, strength in sorted(cues):
        before_text = text[: start - offset]
        if NOUN_BEFORE.search(before_text):
            continue  # "Seoul's claims", "the reports": a noun, not a verb
        if NOUN_CUES.match(cue) and NOUN_FOLLOWS.match(text[end - offset :]):
            continue  # "the U.S. claims “absurd”": a noun too
        if PASSIVE_BEFORE.search(before_text):
            # "Reports … were denied by Pyongyang": the speaker follows "by";
            # "North Korea has been accused of…": the accuser is elsewhere.
            agent = _passive_agent(text, offset, inside, end)
            if agent:
                final, notes = position_for(
                    position, negated=False, complement=before_text, cue=cue
                )
                frames.append(
                    Frame(
                        cue=cue,
                        cue_start=start,
                        cue_end=end,
                        position=final,
                        strength=strength,
                        speakers=agent,
                        clause=clause,
                        complement=(offset, start),
                        trailing=True,
                        notes=[*notes, "passive"],
                    )
                )
            continue
        # A participle's speaker is its clause's subject, not the name just before it.
        participle = cue.lower().endswith("ing") and " " not in cue.strip()
        speakers = _subject_of_participle(text, offset, inside, start) if participle else []
        if not speakers:
            speakers = _speakers_before(text, offset, inside, start)
        media = bool(speakers) and bool(
            MEDIA_GAP.match(text[speakers[-1].end - offset : start - offset])
        )
        role = speakers and ROLE_BEFORE_PREPOSITION.search(text[: speakers[0].start - offset])
        person = bool(speakers) and _names_a_person(
            (role.group(0) if role else "") + text[speakers[0].start - offset : start - offset]
        )
        pronoun = ""
        trailing = False
        if not speakers:
            speakers = _speaker_after(text, offset, inside, start, end)
            trailing = bool(speakers)
        if not speakers:
            speakers = _subject_of_coordinated_verb(text, offset, inside, before_text)
        pronoun_at = start  # where a pronoun speaker starts: what was said ends there
        if not speakers:
            plain = _PARTICIPLE_PHRASE.sub(" ", before_text)
            found = PRONOUN.search(plain)
            if found is None or re.search(r"\s[A-Z]", found.group("p")):
                # "The Gaza health ministry": a body named by a place nobody registered,
                # not one named before.
                continue
            pronoun = found.group("p").lower()
            # The participle phrase taken out follows the pronoun: its offset stands.
            pronoun_at = offset + found.start("p")
        negated = bool(NEGATION_BEFORE.search(before_text))
        before_speaker = min([m.start for m in speakers] or [pronoun_at])
        # "…, the White House said Wednesday, as President Joe Biden said it appeared…": an
        # attribution closing before an "as" clause does not reach into it.
        rest = _before_as_clause(text[end - offset :])
        if (speakers or pronoun) and not trailing:
            # "…, KCNA said." / "…," the company said. - the attribution closes the clause:
            # what was said is before it.
            said_before = text[: before_speaker - offset]
            # '"The evidence remains inconsistent," WHO spokesperson Tarik Jašarević told a
            # briefing…': a quote closed before the speaker is what was said.
            closed = QUOTE_THEN_SPEAKER.search(text[: start - offset])
            trailing = bool(said_before.strip(" ,\u201d\"'")) and (
                (bool(TRAILING_TAIL.fullmatch(rest)) and start - offset > 0) or closed is not None
            )
            if closed is not None and trailing:
                before_speaker = offset + closed.start() + 1
        if trailing:
            first = min([m.start for m in speakers] or [pronoun_at])
            if (speakers or pronoun) and not TRAILING_TAIL.fullmatch(rest):
                first = min(first, before_speaker)
            complement = (offset, first)
        else:
            complement = (end, end + len(rest))
        comp_text = text[complement[0] - offset : complement[1] - offset]
        if negated and SAYING_CUE.match(cue) and REFUSED_BEFORE.search(before_text):
            final, notes = Position.NO_COMMENT, ["refused to say"]
        else:
            final, notes = position_for(position, negated=negated, complement=comp_text, cue=cue)
        frames.append(
            Frame(
                cue=cue,
                cue_start=start,
                cue_end=end,
                position=final,
                strength=strength,
                speakers=speakers,
                clause=clause,
                complement=complement,
                trailing=trailing,
                media=media,
                pronoun=pronoun,
                notes=notes,
                person=person,
                cue_position=position,
                negated=negated,
                inquiry=position == Position.HEDGES and bool(INQUIRY_CUE.search(cue)),
            )
        )
    for mention in inside:
        # "Trump's false and baseless claims of a rigged election", "allegations of fraud
        # by Rudy Giuliani": what a source is said to claim, it asserts.
        claimed = (
            CLAIM_NOUN_AFTER.match(text, mention.end - offset)
            or CLAIM_NOUN_NAMED.match(text, mention.end - offset)
            or CLAIM_NOUN_OWNED.match(text, mention.end - offset)
            or CLAIM_NOUN_BEFORE.search(text, 0, mention.start - offset)
        )
        if claimed is None or any(f.cue_start <= mention.start < f.cue_end for f in frames):
            continue
        noun_start, noun_end = offset + claimed.start("noun"), offset + claimed.end("noun")
        said_end = mention.start if noun_end < mention.start else clause.end
        comp_text = text[noun_end - offset : said_end - offset]
        if claimed.re is CLAIM_NOUN_NAMED:
            comp_text = ""  # what follows is the sentence going on, not the claim
        final, notes = position_for(
            Position.ASSERTS, negated=False, complement=comp_text, cue=claimed.group("noun")
        )
        # "Tehran's insistence that it did not send the missiles": a negation in what
        # was said is the source's own denial; other markers ("baseless") may be the
        # reporter's words, and an accusation is never a denial.
        negated_claim = (
            final == Position.DENIES
            and notes[:1] != []
            and notes[0].startswith("negated complement")
            and not ACCUSATION_NOUNS.match(claimed.group("noun"))
        )
        if final != Position.ASSERTS and not negated_claim:
            continue  # what the claim says is reported, not whether it holds
        frames.append(
            Frame(
                cue=claimed.group("noun"),
                cue_start=noun_start,
                cue_end=noun_end,
                position=final,
                strength=0.6,
                speakers=[mention],
                clause=clause,
                complement=(noun_end, said_end),
                notes=[*notes, "a claim attributed to the source"],
            )
        )
    for mention in inside:
        # "Despite denials by Israel, …", "Moscow's repeated denials": a denial said of a
        # source is its own, whatever the reporter makes of it.
        denial = DENIAL_NOUN_OWNED.match(text, mention.end - offset) or DENIAL_NOUN_BEFORE.search(
            text, 0, mention.start - offset
        )
        if denial is None or any(f.cue_start <= mention.start < f.cue_end for f in frames):
            continue
        noun_start, noun_end = offset + denial.start("noun"), offset + denial.end("noun")
        frames.append(
            Frame(
                cue=denial.group("noun"),
                cue_start=noun_start,
                cue_end=noun_end,
                position=Position.DENIES,
                strength=0.6,
                speakers=[mention],
                clause=clause,
                complement=(max(noun_end, mention.end), clause.end),
                notes=["a denial attributed to the source"],
                cue_position=Position.DENIES,
            )
        )
    for match in PREP_CUE.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        speakers, media = _speakers_following(
            text, offset, inside, end, about=bool(match.group("silence"))
        )
        if not speakers:
            continue
        complement = (offset, start)
        comp_text = text[: start - offset]
        if match.group("silence"):
            # "There was no immediate response from Pakistan": it said nothing.
            final, notes = Position.NO_COMMENT, ["no response from the source"]
        else:
            final, notes = position_for(
                Position.ASSERTS, negated=False, complement=comp_text, cue=match.group(0)
            )
        frames.append(
            Frame(
                cue=match.group(0),
                cue_start=start,
                cue_end=end,
                position=final,
                strength=0.8 if match.group(0).lower() != "in response to" else 0.65,
                speakers=speakers,
                clause=clause,
                complement=complement,
                trailing=True,
                media=media,
                notes=notes,
            )
        )
    _end_at_relative_clause(frames)
    _link_reports(frames)
    _end_at_next_speaker(frames)
    return frames


# What a source is said to have claimed: its claims, and its remarks or comments that
# link or tie the matter ("comments by U.S. President Donald Trump linking the drug to…").
CLAIM_NOUNS = (
    r"claims?|allegations?|accusations?|assertions?|insistence|remarks|comments|statements?"
    r"|suggestions?"
)
CLAIM_NOUN_AFTER = re.compile(
    # "Trump's claims", "the US president's claim" (a role between the name and its 's)
    r"(?:\s+[a-z][\w\-]+){0,2}['\u2019]s\s+(?:[\w\-\u201c\u201d\"]+\s+){0,3}?"
    rf"(?P<noun>{CLAIM_NOUNS})\s+(?:of|that|about|linking|tying|connecting)\b",
    re.I,
)
# "Giuliani's fraud allegations": the words before the noun say what was claimed.
CLAIM_NOUN_NAMED = re.compile(
    r"['\u2019]s\s+(?P<what>(?:[a-z][\w\-]+\s+){1,2})(?P<noun>claims|allegations|accusations)\b",
)
# "Trump is still sticking to his unproven claims of fraud", "continues to push baseless
# claims about…": the subject's own claims (the adjectives are the reporter's).
CLAIM_NOUN_OWNED = re.compile(
    r"\s+(?:[a-z][\w\-]*\s+){0,4}?(?:(?:his|her|its|their)\s+|(?:push|make|made|repeat|spread"
    r"|peddl|amplif|promot|voic|air)\w*\s+)(?:[\w\-]+\s+){0,3}?"
    r"(?P<noun>claims?|allegations?|accusations?|assertions?)\s+(?:of|that|about)\b",
    re.I,
)
# "allegations of fraud by Rudy Giuliani", "the claims, by Indian 15 Corps Commander"
CLAIM_NOUN_BEFORE = re.compile(
    # not "no immediate statement issued by the Pakistani military" (a silence)
    rf"(?<!\bno )(?<!\bimmediate )\b(?P<noun>{CLAIM_NOUNS})\b[^.;:]{{0,60}}?,?\s+by\s+(?:the\s+)?$",
    re.I,
)
DENIAL_NOUN_OWNED = re.compile(
    r"['\u2019]s\s+(?:(?:repeated|flat|categorical|earlier|previous|strong|official)\s+)?"
    r"(?P<noun>denials?)\b"
)
DENIAL_NOUN_BEFORE = re.compile(
    r"\b(?P<noun>denials?)\s+(?:by|from)\s+(?:the\s+)?$",
    re.I,
)
ACCUSATION_NOUNS = re.compile(r"^(?:allegations?|accusations?)$", re.I)
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\b")


def _said_until(frame: Frame, cut: int) -> None:
    """What the frame's speaker said ends at ``cut``; its position is weighed again."""
    start, end = frame.complement
    if not start < cut < end:
        return
    frame.complement = (start, cut)
    if frame.notes[:1] != ["refused to say"] and "passive" not in frame.notes:
        frame.position, frame.notes = position_for(
            frame.cue_position,
            negated=frame.negated,
            complement=frame.clause.text[start - frame.clause.start : cut - frame.clause.start],
            cue=frame.cue,
        )


def _end_at_relative_clause(frames: list[Frame]) -> None:
    """What a speaker said ends at a relative clause: "Moscow said the missiles came from
    Iran, which Tehran has denied" is not Moscow relaying Tehran."""
    for frame in frames:
        if frame.trailing:
            continue
        start, end = frame.complement
        relative = RELATIVE_CLAUSE.search(
            frame.clause.text, start - frame.clause.start, end - frame.clause.start
        )
        if relative is not None:
            _said_until(frame, frame.clause.start + relative.start())


def _end_at_next_speaker(frames: list[Frame]) -> None:
    """What one speaker said ends where another speaker's words begin, unless it relays
    them ("Moscow said Tehran denied…" is Tehran's denial, through Moscow)."""
    for frame in frames:
        if frame.trailing or frame.relay:
            continue
        start, end = frame.complement
        starts = [
            min([other.cue_start, *(m.start for m in other.speakers if m.start > start)])
            for other in frames
            if other is not frame and start < other.cue_start < end
        ]
        if starts:
            _said_until(frame, min(starts))


def _only_punctuation(clause: Span, start: int, end: int) -> bool:
    return not clause.text[start - clause.start : end - clause.start].strip(" ,")


def _link_reports(frames: list[Frame]) -> None:
    """A frame whose cue lies in a reporting frame's complement came through that frame.

    "North Korea's foreign ministry rejected the accusations…, KCNA said":
    North Korea denies, via "KCNA said". Only reporting verbs relay ("said",
    "according to"), so "Moscow rejected Seoul's claims" stays Moscow's.
    """
    for citing in [f for f in frames if f.cue.lower() == "citing" and not f.media]:
        # "…, South Korean lawmakers said, citing the National Intelligence Service":
        # the cited source speaks, through those who cite it.
        citer = next(
            (
                f
                for f in frames
                if f is not citing
                and REPORTING.match(f.cue)
                and f.cue_end <= citing.cue_start
                and _only_punctuation(citing.clause, f.cue_end, citing.cue_start)
            ),
            None,
        )
        if citer is not None:
            citing.via, citer.relay = citer, True
    cited = [f for f in frames if f.cue.lower() == "citing" and f.via is not None]
    for inner in frames:
        if inner.via is not None or any(c.via is inner for c in cited):
            continue
        if inner.pronoun and not inner.speakers:
            # "South Korea's military said it believed…": the pronoun is the speaker.
            outer = next(
                (
                    f
                    for f in frames
                    if f is not inner
                    and f.speakers
                    and REPORTING.match(f.cue)
                    and not f.trailing
                    and f.complement[0] <= inner.cue_start < f.complement[1]
                ),
                None,
            )
            if outer is not None:
                inner.speakers, inner.pronoun, inner.person = outer.speakers, "", outer.person
                outer.relay = True
            continue
        reporters = [
            outer
            for outer in frames
            if outer is not inner
            and REPORTING.match(outer.cue)
            and outer.complement[0] <= inner.cue_start < outer.complement[1]
            # "Kim said …, KCNA said": each lies in the other's complement; the
            # closing attribution is the reporter.
            and (outer.trailing or not inner.complement[0] <= outer.cue_start < inner.complement[1])
            and {m.source.id for m in outer.speakers} != {m.source.id for m in inner.speakers}
        ]
        if reporters:
            reporter = min(reporters, key=lambda f: abs(f.cue_start - inner.cue_start))
            inner.via = reporter
            reporter.relay = True
