"""Word lists for the topic stage: jotting shorthand, names with fixed casing, and the
words that mark a fragment as never to be repeated to the interviewer."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile

# Shorthand a candidate jots, spelled out. Keys are lower case, matched as whole words.
ABBREVIATIONS = {
    "theyre": "they're",
    "youre": "you're",
    "yrs": "years",
    "yr": "year",
    "wks": "weeks",
    "wk": "week",
    "mos": "months",
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
    "bc": "because",
    "mgmt": "management",
    "mgr": "manager",
    "mgrs": "managers",
    "eng": "engineering",
    "engs": "engineers",
    "devs": "developers",
    "infra": "infrastructure",
    "ppl": "people",
    "convo": "conversation",
    "uni": "university",
    "govt": "government",
    "dept": "department",
    "approx": "approximately",
    "esp": "especially",
    "incl": "including",
    "thru": "through",
    "tho": "though",
    "vs": "versus",
    "abt": "about",
    "arch": "architecture",
    "cttee": "committee",
    "mon": "Monday",
    "tues": "Tuesday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thurs": "Thursday",
    "thu": "Thursday",
    "fri": "Friday",
    "k8s": "Kubernetes",
    # contractions jotted without their apostrophe
    **{
        w.replace("'", ""): w
        for w in "hasn't haven't hadn't isn't aren't wasn't weren't doesn't "
        "didn't don't couldn't wouldn't shouldn't".split()
    },
    "weds": "Wednesdays",
}
# Filler that carries nothing a message could say; removed where it stands.
FILLER = frozenset("rn tbh lol lmao haha imo imho fwiw btw ngl omg ugh hmm tbf iirc".split())

# Names whose casing a lower-case jotting loses, keyed by their lower-case spelling.
PROPER = {
    w.casefold(): w
    for w in """AWS GCP Azure GitHub GitLab Jenkins Kubernetes Docker Terraform Kafka Snowflake
    Postgres PostgreSQL MySQL SQL NoSQL Python Java JavaScript TypeScript Rust Kotlin Scala Vue
    Django Flask Flink Airflow BigQuery Redshift Databricks Grafana Prometheus Datadog dbt
    Tableau Looker Figma Jira Confluence Salesforce Stripe Redis Elasticsearch GraphQL API
    APIs ML AI LLM LLMs ETL CI CD QA UX UI VP CTO CEO CFO COO HR SRE DevOps SaaS B2B B2C KPI
    KPIs OKR OKRs SLA SLAs SOC iOS Android Linux Windows macOS Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April June July August September
    October November December Q1 Q2 Q3 Q4 I I'm I've I'd I'll Excel PowerPoint SharePoint
    Outlook Slack Notion Asana Trello SAP Oracle Workday ServiceNow HubSpot Shopify Zendesk Basel
    IFRS GDPR HIPAA SOX PCI NHS EHR EMR Aurora MongoDB DynamoDB Cassandra Spark Hadoop Pandas
    NumPy PyTorch TensorFlow React Angular Node.js Next.js Golang GCSE GCSEs HL7 FHIR Chromebook
    Chromebooks Okta Auth0 Twilio Sentry PagerDuty Splunk Grafana Vault Ansible Helm ArgoCD
    OpenSearch Argo Playwright Cypress Selenium Jest Storybook Webpack Vite SwiftUI UIKit
    CRM ERP ETA SATs Ofsted PhD PhDs MBA MBAs MSc BSc CFA ACCA GraphQL Heroku Vercel Supabase
    Firebase UE5 Unreal CS DSpace Xcode WordPress Zapier Airtable RabbitMQ ActiveMQ WMS Dagster
    FreeRTOS Zephyr STM32 MoveIt Blender Unity Perforce PlayStation Xbox""".split()
}
PROPER.update(
    {
        day.casefold() + "s": day + "s"
        for day in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    }
)

# Never repeated: the reason shown to the candidate, then the patterns (lower case, regex).
_LEFT_OUT_PATTERNS: dict[str, str] = {
    "private": r"visa|sponsor\w*|immigra\w*|green card|h-?1b|work permit|citizenship|"
    r"pregnan\w*|maternity|paternity|ivf|religio\w*|church|mosque|synagogue|temple|ramadan|"
    r"pray|prays|prayed|prayer|praying|\d+\s*(?:years?|yrs?) old|her age|his age|their age|"
    r"retir\w*|salary|salaries|muslim|christian|jewish|hindu|buddhist|sikh|catholic|"
    r"atheist|mormon|"
    r"pay|paid|compensation|comp|equity|bonus|[$£€]\s?\d|\d+k?\s?[-–]\s?\d+k|base salary|\d+k tc|"
    # benefits are pay too: the checker's money rule flags them in any message
    r"relocation (?:package|pkg|budget|bonus|assistance|allowance|support)|benefits? "
    r"(?:package|plan)|pension contributions?|pto|holiday allowance|(?:stock|share) options?|rsus?|"
    r"(?:day|hourly) rates?|"
    r"(?:her|his|their|my) health|health (?:issues?|scares?|problems?)|mental health|"
    r"(?:\w+['’]s|her|his|their|my) (?:\w+ )?(?:cancer|illness|diagnosis|surgery|condition)|"
    r"ill|illness|sick|chemo|diagnosed|therapist|depress\w*|anxiety|disab\w*|"
    r"divorc\w*|funeral|passed away|died|hospitali[sz]ed|"
    r"in hospital|pronouns?|sexual\w*|politic\w*|union dues|"
    # health the candidate jots about anyone: ailments, treatment, appointments
    r"migraines?|flu|covid|(?<!big )(?<!biggest )(?<!main )(?<!real )(?<!a )headaches?|fever|"
    r"concussion|hangover|hungover|"
    r"dentist|doctor'?s appointment|gp appointment|"
    r"(?:my|her|his|their) (?:\w+['’]s )?(?:surgery|operation|treatment|recovery)|"
    # law, housing and debt: the candidate's circumstances, never the reader's business
    r"custody (?:hearing|case|battle|of|arrangements?)|child custody|(?:my|a) court (?:case|date|"
    r"hearing)|landlord|evict\w*|(?:my|our) (?:rent|mortgage|debts?|loans?)|student loans?|"
    r"bankrupt\w*|arrest\w*|criminal record|"
    # career history a candidate keeps to themselves: age, gaps, caring, leaving
    r"my age|how old|(?:career|cv|employment|résumé|resume) gap|gap (?:in|on) my|"
    r"\d+\s*(?:yrs?|years?|months?) gap|carer|caring for|caregiv\w*|laid off|redundan\w*|"
    r"why i left|let go|notice (?:at|from) my|my current (?:job|employer|boss|comp\w*)|"
    r"counter-?offer|other offers?|competing offer",
    "personal": r"dog|dogs|cat|cats|puppy|pet|pets|"
    # someone's own children; '30 kids in the club' at a school is the work
    r"(?:her|his|their|my|your|has|have|had|two|three|four|with|got) (?:\w+ )?(?:kids?|children)|"
    r"kid|son|daughter|baby|wife|"
    r"husband|toddler|newborn|nursery|boyfriend|girlfriend|wedding|honeymoon|mum|mom|dad|mother|father|"
    r"parents?|sister|brother|grandm\w+|grandf\w+|family|cousins?|uncle|aunt|auntie|niece|"
    r"nephew|in-laws?|"
    r"(?:her|his|their) (?:vacation|holiday|trip|weekend|hobby|hobbies)|"
    # how someone felt or looked: the candidate's reading of a person, not a topic
    r"knackered|overwhelmed|dread\w*|scared|terrified|"
    r"(?:(?:she|he|they|i)(?:['’]s|['’]m| was| is| were| are| am| felt)|seemed|seems|looked|looks"
    r") (?:so |very |really |super |def |definitely |a bit |kind of )?(?:the )?(?:nice|nicest|kind|"
    r"kindest|sweet|friendly|warm|cold|tired|sad|happy|grumpy|moody|intense|charming|lovely|"
    r"stressed|exhausted|nervous|anxious|upset|worn out|frazzled|shattered)|"
    r"lovely|nicest|sweetest|friendliest|kindest|grumpy|cranky|intimidating|"
    r"(?:checked|on|glued to|looking at|kept checking) (?:her|his|their) (?:phone|laptop|watch)|"
    # the reader's roles outside the job: theirs to bring up
    r"(?:she|he|they)(?:['’]s| is| are) (?:on the board|a trustee|a governor|a school governor)|"
    r"sits on (?:the|a) board|"
    # how long the reader has been there: theirs to mention
    r"(?:she|he|they)(?:['’]s| is| are| was) (?:brand |fairly |quite |very )?new|"
    r"\d+ (?:weeks?|wks?|months?|mos|days?) in(?! \d)|(?:only|just) (?:started|joined)|"
    r"been (?:there|here|at \w+) (?:for )?(?:\d+|two|three|ten|many) (?:yrs?|years?|months?)|"
    # the reader's honours and private titles: flattery if repeated
    r"knighted|damehood|peerage|honou?rs list|obe|mbe|cbe",
    "self-critical": r"i (?:\w+ly )?(?:froze|blanked|bombed|choked|rambled|panicked|stumbled|"
    r"missed|fumbled|struggled|went blank|drew a blank|forgot|messed up|screwed up|botched|"
    r"flubbed)|"
    r"i (?:\w+ )?(?:gave|had|made) (?:a |an |the )?(?:\w+ )?(?:weak|bad|poor|rubbish|terrible|"
    r"shaky|thin|vague|clumsy|awful) (?:example|answer|point|case|pitch|start|answers|examples)|"
    # the candidate's hedged answer to what they were asked ('can you use figma? - kinda')
    r"(?:(?m:^)|(?<=[-–—] ))(?:kinda|sorta|sort of|kind of|rusty|(?:very |pretty |quite )?basic|"
    r"not really|not much|barely|so-so|meh)(?=[ \t]*(?:[,;.!?]|(?m:$)))|"
    r"i (?:was|felt|got) (?:nervous|flustered|lost|stuck)|i (?:couldn'?t|could not|didn'?t) "
    r"(?:answer|remember|explain|solve|finish)|should(?:'ve| have)|my (?:answer|code|demo) "
    r"(?:was|were) (?:weak|bad|wrong|rough)|went badly|awkward pause|drew a blank|went blank|"
    r"blanked|froze up|"
    # how the candidate thinks they did a part of it, said against themselves
    r"took (?:too|so|way too) long|ran out of time|(?:i|my \w+) (?:was|got|felt) (?:\w+ )?"
    r"(?:slow|waffly|vague|rambly|all over the place)|waffl\w*|rambl\w*|misread|"
    r"misunderstood|mixed up|got (?:it|that|the \w+) wrong|wrong answer|not my best|"
    r"could(?:'ve| have) (?:done|been) better|i (?:\w+ )?(?:overran|tanked|flopped)|"
    r"went off on a tangent|lost my (?:train of thought|place|way)|my (?:\w+ )?(?:answer|"
    r"solution|code|demo|explanation|design|bit) (?:was|were|felt) (?:\w+ ){0,2}(?:weak|bad|"
    r"wrong|rough|messy|slow|shaky|meh|poor|off|waffly|vague|thin)",
    "negative": r"mess|messy|chaos|chaotic|disorgani[sz]ed|terrible|awful|horrible|"
    r"worst|sucks?|toxic|red flags?|boring|bored|rude|clueless|incompetent|outdated|"
    r"archaic|ancient|ugly|painful|nightmare|disaster|spaghetti|janky|hacky|clunky|weird|sketchy|shady|cringe|annoy\w*|dismissive|arrogant|unimpressed|"
    r"distracted|unprepared|hate|hates|hated|dislikes?|af|grim|bleak|dire|depressing|"
    r"brutal|gruel+ing|relentless|exhausting|soul-?destroying|"
    r"dreadful|cramped|freezing|boiling|stuffy|"
    r"condescending|disinterested|uninterested|rushed|"
    r"seemed (?:off|cold|tired|skeptical|sceptical)|looked tired|yawn\w*|eye ?roll\w*",
    "about someone else": r"(?:her|his|their|the) (?:boss|manager|colleague|co-?worker|"
    r"predecessor|cofounder|co-founder|ex|assistant)|other candidates?|last person|"
    r"previous (?:person|hire)|got fired|was fired|quit|is leaving|left the company|"
    # the reader's own career moves, told in passing: theirs to announce
    r"(?:moving|changing|switching) (?:teams|roles|jobs|departments)|"
    r"(?:she|he|they)(?:[’']s|[’']re| is| are) (?:leaving|moving on|job hunting)",
    # told in confidence: the whole topic it was said of stays out, not only the marker
    "said in confidence": r"off the record|(?:don'?t |do not )?quote me|secret|secretly|"
    r"confidential\w*|between (?:us|you and me|ourselves)|on the quiet|hush(?:-hush)?|"
    r"(?:don'?t|dont|do not|never) (?:tell|repeat|share)(?: (?:anyone|anybody|this|it))?|"
    # the candidate's own reminder not to repeat it: the topic it was written beside stays out
    r"(?:don'?t|dont|do not|never) (?:mention|bring (?:it |this |that )?up|raise)"
    r"(?: (?:this|it|that))?(?=[ \t]*(?m:$))|keep (?:it |this |that )?(?:quiet|schtum|shtum)"
    r"(?=[ \t]*(?m:$))|"
    r"keep (?:this|it|that) (?:quiet|to myself|between us|under wraps)|under wraps|"
    r"not (?:public|announced|official)(?: yet)?|(?:hasn'?t|has not|isn'?t) been announced|"
    r"unannounced|under (?:an )?nda|nda|internal only|not for sharing|private info|"
    # the organisation's own money, in figures: shared in the room, not for writing back
    r"\d+\s?%\s+of\s+(?:\w+\s+)?(?:income|revenue|turnover|sales|budget|funding|donations|"
    r"costs|profits?|margin|arr)|(?:revenue|arr|burn|runway|margin|turnover|budget) (?:is|of|"
    r"at|around|about) (?:[$£€]|\d)",
    # the interviewer's candid admissions about their own workplace: said to a candidate
    # in the room, never quoted back in writing
    "a candid remark": r"held together (?:with|by)|"
    # something that went wrong, or a rule the reader is candid about: said back, it reads
    # as news the candidate enjoyed ('It has stayed with me that the audit failed')
    r"\b(?:failed|slipped|overran|overspent|fell through|went wrong)\b|"
    r"(?:is|are) (?:very |really |super |pretty |quite )?(?:strict|locked down|"
    r"non-negotiable)\b|rules? (?:is|are) (?:very |really |super |pretty |quite )?tight|"
    # money troubles, and the candidate's note that the reader spoke frankly
    r"(?:budget|budgets|money|funding|cash|finances)(?: \w+){0,3} (?:is|are|was|were) "
    r"(?:very |really |quite |pretty |a bit |super )?(?:tight|precarious|short|scarce|limited|"
    r"shaky|uncertain)|precarious|cash-?strapped|under-?funded|(?:was|were|being) (?:very |"
    r"really |quite |so |surprisingly )?(?:frank|candid|blunt)|confided|admitted|opened up about|"
    r"duct[- ]?tape\w*|sticky tape|gaffer tape|"
    r"(?:basically|pretty much|literally|only|just) (?:just )?(?:her|him|them|you|one (?:person|"
    r"engineer|dev|developer)|a skeleton crew)|(?:she|he|they)(?:['’]s| is| are) the only one|"
    r"one[- ]person (?:team|show|band)|skeleton crew|under-?staffed|short[- ]?staffed|"
    r"under-?resourced|stretched (?:thin|too thin)|over-?worked|burn(?:t|ed)[- ]?out|burnout|"
    r"morale|firefight\w*|fire-fight\w*|behind schedule|(?:way|well|months|weeks|badly) "
    r"behind|(?:is|are|was|were|running|fallen|falling) behind(?! (?:the|a|an|our|your|their|"
    r"this|that|it|every)\b)|keeps? slipping|slipped|"
    r"(?:results|numbers|scores|grades|sales|revenue|retention|sign-?ups|ratings|attendance) "
    r"(?:have |has |had )?(?:dipped|dropped|fell|fallen|declined|tanked|slumped|plummeted)|"
    r"(?:we|they|team|she|he|you|people) (?:\w+ )?struggl\w*|struggl\w* to (?:hire|keep|retain|"
    r"recruit|ship|deliver|cope)|staff turnover|high turnover|staff attrition|high attrition|"
    # a count of the reader's troubles going the wrong way ('complaints doubled since 2023')
    r"(?:complaints|incidents|errors|outages|bugs|tickets|delays|costs|churn|turnover|sickness|"
    r"absences?|vacancies|arrears|waiting (?:times?|lists?)|wait times?|queues?) (?:have |has |"
    r"had )?(?:doubled|tripled|quadrupled|soared|spiked|risen|rose|gone up|went up|increased|"
    r"grown|grew|jumped|ballooned|exploded)|"
    # a setback in the business: news the reader did not give to be written back
    r"(?:lost|losing) (?:(?:their|its|our|the|a|two|three|\d+) ){0,2}(?:(?:biggest|largest|"
    r"main|key|top|big|major|best|anchor) )?(?:\w+ )?(?:clients?|customers?|accounts?|"
    r"contracts?|funders?|sponsors?|deals?|tenders?|bids?)\b|"
    r"(?:lost|losing) (?:\w+ )?(?:people|staff|engineers|"
    r"nurses|teachers|devs)|nobody (?:wants|owns|knows|understands|touches)|no one (?:wants|"
    r"owns|knows|understands|touches)|undocumented|no (?:docs|documentation|tests)|"
    r"a (?:pain|joke|headache|shambles|circus)|pain in the|drops (?:out )?every|falls over|"
    r"keeps (?:breaking|crashing|falling over|going down)|frustrat\w*|fed up|"
    r"(?:she|he|they|everyone|people) (?:\w+ )?complain\w*|"
    r"sick of|(?:hates|hated|hate) it|can'?t stand|budget (?:cuts?|is frozen|freeze)|"
    r"hiring freeze|layoffs?|re-?orgs?|pivoting (?:to|away|from|into)|a pivot|(?:being|getting|"
    r"was|were) (?:acquired|bought)|(?:acquiring|buying|acquisition of) (?:a|an|another|their|the) "
    r"(?:competitor|rival|start-?up|company|firm)|merger|merging with|"
    # a trouble of theirs in the candidate's shorthand ('takes forever', 'got cut', 'breathing
    # down their necks'), or the candidate's verdict on it beside it ('(not great)')
    r"takes? (?:forever|ages|too long)|(?:so|really|painfully|super) slow|"
    r"(?:got|was|were|been|being|is|are) (?:\w+ )?(?:cut|slashed|axed|scrapped)|"
    r"(?:funding|budget|grant)s? cuts?|cuts? (?:to|in) (?:the |our |their )?(?:funding|budget)|"
    r"breathing down|(?:huge|massive|a lot of|real|so much|lots of|under) pressure|"
    r"pressure (?:from|to)|(?:huge|massive|enormous|growing) backlog|backlog (?:is|'s|are) "
    r"(?:\w+ )?(?:huge|massive|enormous|big|growing|out of control)|"
    r"(?<!number )(?<!data )crunch(?:ing|es)?|"
    r"(?:long )?overdue(?! (?:a|an|for)\b)|requires improvement|inadequate|"
    r"(?:biggest|big|main|real|major) (?:headache|problem|issue|challenge|pain point|worry)|"
    r"(?:nearly|almost) (?:broke|killed|crashed|took down|brought down)|"
    r"(?:staffing|budget|resources?|headcount|capacity) (?:is|are|was|were|'s) (?:\w+ )?"
    r"(?:tight|stretched|thin|low)|(?:results|numbers|scores|grades|sales|attendance|"
    r"enrolment|applications) (?:are |is |have been |were )?down\b|"
    r"not (?:great|ideal|good|brilliant|amazing|fun)(?! (?:at|for|with)\b)",
    "an aside": r"(?:wouldn'?t|didn'?t|won'?t|couldn'?t|would not|did not) (?:say|tell|share|"
    r"answer|know)|no idea|idk|not sure|dunno|ask (?:later|again)|note to self|remember to|"
    r"look (?:it )?up|tbd|todo|check on|ran (?:\d+ ?\w+ )?(?:over|late)|started late|overran|"
    r"(?:the )?(?:interview|call|meeting|chat) (?:ran|started|lasted|was cut|got cut|finished)|"
    # mishaps of the call itself: the connection, not the conversation
    r"(?:call|line|video|audio|zoom|teams|wifi|wi-fi|connection|link|sound) (?:\w+ )?(?:dropped|"
    r"kept dropping|cut out|kept cutting|froze|kept freezing|lagged|died|went down)|"
    # heard second-hand: not the candidate's to repeat
    r"apparently|rumou?r\w*|gossip|word is|"
    # the day itself, not the conversation
    r"my commute|(?:was|were|i was) \d+ ?min\w* late|"
    r"the (?:office|room|building|lobby) (?:is|was)",
    # who the reader is, jotted as a title: the message knows it, it is not a talk topic
    # ('partner, employment law', 'store manager at the Reading branch', 'ex-Spotify')
    "who they are": r"(?m:^)(?:the |a |an |our |their )?(?:(?:senior|junior|lead|head|chief|"
    r"assistant|deputy|associate|principal|staff|regional|area|store|practice|clinical|"
    r"pro bono|hr|vp|svp|evp|ward|charge|managing|founding|general|executive|part-time|"
    r"full-time)\s+){0,3}"
    r"(?:[a-z]+\s+)?(?:manager|partner|associate|paralegal|coordinator|director|officer|ecologist|nurse|engineer|"
    r"scientist|analyst|recruiter|ceo|cto|cfo|coo|founder|co-?founder|president|headteacher|"
    r"head teacher|professor|lecturer|consultant|solicitor|vicar|councillor|secretary|"
    r"chair|editor|producer|curator|librarian|pharmacist|physician|surgeon|registrar|chef|"
    r"owner|co-?owner|landlord|buyer|planner|architect|researcher|supervisor|administrator)"
    r"(?:\s*/\s*[a-z-]+)*(?:\s+(?:at|of|for|in|on)\s+(?:the\s+)?[\w&' -]+)?"
    r"(?:\s*,\s*[\w&' /-]+){0,2}(?m:$)|"
    r"(?m:^)ex-[\w&]+(?m:$)|"
    r"(?m:^)(?:the |our |their )?(?:deputy |assistant |acting )?(?:head|director|vp|chief|lead) "
    r"of (?:the )?[\w&'-]+(?: [\w&'-]+){0,2}(?:\s*,\s*[\w&' /-]+){0,2}(?m:$)|"
    # the reader's own career path: theirs to tell ('she moved from academia 2 yrs ago')
    r"(?:she|he|they) (?:moved|came|switched|transferred|joined|left) (?:over )?(?:here )?from "
    r"[\w&' -]+?(?:\s+(?:\w+|\d+) (?:yrs?|years?|months?) ago)?(?m:$)|"
    r"(?m:^)(?:she|he|they)(?:['’]s| is| are| was) (?:the |a |an |our )?(?:new )?(?:head|manager|"
    r"director|partner|lead|ceo|cto|founder|coordinator|vp)(?: of [\w -]+)?(?m:$)",
    "a note to yourself": r"(?:need|have|got) to (?:send|email|ask|follow up|check|prep|"
    r"prepare|read|look)|gotta|to-?do:?|gonna|"
    # instructions the candidate gives themselves
    r"don'?t (?:\w+ )?(?:mention|bring|gush|say|ask|push|oversell|overdo|talk|raise|lead|name|"
    r"forget|bother|brag)|do not (?:mention|bring|say|ask|raise)|never mention|keep (?:it )?quiet|"
    r"tell (?:him|her|them) (?:nicely|gently|kindly|politely|soon|later)|"
    r"ask (?:about|re|them|him|her|what|how|when|why)|"
    r"(?:going to|i'?ll|i will|i should|should i|plan to) (?:ask|send|mention|chase|push|"
    r"follow|negotiate)|ask (?:for|if|whether)|"
    # how to say the reader's name: for the greeting, not the message
    r"goes by|prefers to be called|pronounced|pronunciation|nickname|spelt|spelled",
    "about how you did": r"(?:liked|loved|enjoyed|praised) my|"
    # where the candidate stood against the others: the panel's to say, never to be told
    r"close second|runner-?up|(?:i was|i'?m) (?:on )?(?:the )?shortlist\w*|top (?:two|three|2|3) "
    r"candidates?|(?:i was|i'?m) (?:their|the) (?:first|second|top) choice|"
    r"(?:(?:super|really|very|so|quite) )?(?:into|keen on|taken with|impressed (?:by|with)) my|"
    # what the reader did with the candidate's own work: theirs to recall, not to be told
    r"(?:she|he|they) (?:had )?(?:played|read|watched|tried|looked at|reviewed|studied|"
    r"seen|starred|forked) my|push for me|good word|"
    r"strong candidate|(?:a |good |great )fit|recommend me|(?:i think |i )?(?:nailed|aced)|"
    r"grill\w*|interrogat\w*|(?:tough|hard) on me|put me on the spot|awkward\w*|"
    r"went (?:ok|okay|well|fine|great|alright)|i think i (?:did|got|passed)|"
    r"(?:seemed|looked) (?:impressed|keen on me)|i'?m (?:a )?shoo-?in|"
    # how the reader took the candidate's work, good or bad: theirs to say, not to be told
    r"(?:didn'?t|did not|doesn'?t|does not|wasn'?t|was not) (?:seem (?:to )?|really )?"
    r"(?:like|love|enjoy|rate|buy|get|agree with|impressed by|convinced by|keen on) my|"
    r"(?:not|no) (?:a )?fan of my|(?:hated|disliked|criticised|criticized|picked apart) my|"
    # how the reader reacted (or did not) to the candidate: a reading of them, never a topic
    r"(?:didn'?t|did not|never|barely|hardly|wouldn'?t) (?:really |even |much )?(?:react|"
    r"reacted|respond|responded|reply|comment|commented|engage|engaged|smile|smiled|laugh|"
    r"laughed|nod|nodded|look up|looked up|make eye contact)|"
    r"no (?:reaction|response|reply|comment) (?:when|to|from)|(?:a |any )?blank (?:look|stare)",
}
REASONS = tuple(_LEFT_OUT_PATTERNS)
# One pass finds every reason: group i is REASONS[i] (one regex scans several times faster
# than six). Compiled on first use: it costs 18 ms, and `writer check` without notes never
# runs it.
LEFT_OUT = lazy_compile(
    r"(?<![\w$])(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(_LEFT_OUT_PATTERNS.values()))
    + r")(?!\w)"
)
# Scanned over casefolded text: without IGNORECASE the scan runs several times faster.
# A view the interviewer voiced is theirs to hold, so a judging word inside it is allowed;
# these reasons still drop the fragment whoever said it.
ALWAYS_LEFT_OUT = (
    *("private", "personal", "said in confidence", "self-critical", "about how you did"),
    *("about someone else", "a candid remark", "negative", "an aside", "a note to yourself"),
    "who they are",
)
# A topic with one of these in any of its fragments is left out whole: the remark is about
# the rest ("the billing rewrite, dont tell anyone"; "their intake is all email, he hates it").
TAINTING = ("said in confidence", "self-critical", "a candid remark", "negative")

# Verbs that introduce what the interviewer thinks or said, with the noun that names it.
VIEW_VERBS = {
    "said": "point",
    "says": "point",
    "mentioned": "point",
    "mentions": "point",
    "explained": "point",
    "argued": "argument",
    "argues": "argument",
    "pointed out": "point",
    "noted": "point",
    "told me": "point",
    "thinks": "view",
    "thought": "view",
    "believes": "view",
    "feels": "view",
    "felt": "view",
    "reckons": "view",
    "wants": "hope",
    "hopes": "hope",
    "worries": "concern",
    "worried": "concern",
}
# "her take on X": a view already phrased as a noun.
VIEW_NOUNS = frozenset(
    "take view views perspective opinion opinions vision philosophy advice thoughts approach "
    "stance point idea ideas story stories experience".split()
)
# Words that start a fragment about the hiring process rather than the work.
LOGISTICS = lazy_compile(
    r"\b(?:next (?:round|step|steps|stage)|final round|offers?|decision|timeline|"
    r"hear back|start date|notice period|onsite|on-site|references?|background check|"
    r"round \d|\d(?:st|nd|rd|th) round|(?:interview|hiring|final|second|next) panel|"
    r"recruiter|scheduling|schedule|follow[- ]up call|"
    r"hiring process|"
    # the day's arrangements and the candidate's expenses
    r"reimburs\w*|expenses|train tickets?|taxi|parking|vouchers?|visitor badge|lanyard|"
    r"let me know|get back to me|be in touch|call (?:me )?(?:either way|back)|"
    r"(?:she|he|they|you)['’]ll (?:call|ring|email|phone|send|confirm|chase)|"
    r"hear from (?:her|him|them)|chase \w*\s?feedback|"
    r"feedback (?:from|by|within|in)|offers? (?:go|goes|going|will go|are|is) out|"
    r"(?:by|before) (?:the )?\d+(?:st|nd|rd|th)\b|(?:in|within) (?:\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|a few|a couple of) (?:weeks?|days?)|"
    r"call me (?:either way|back|by)|booked (?:my|the|me)|"
    r"sent (?:me )?(?:the )?(?:invite|calendar|agenda))\b",
    re.IGNORECASE,
)
# Logistics a message may still say: a stage to come (for the close), or the process itself.
UPCOMING_STEP = lazy_compile(
    r"^the (?:next|final|\d\w*|second|third|onsite|on-site)\b", re.IGNORECASE
)
PROCESS_NOUN = lazy_compile(
    r"^the (?:[\w-]+ ){0,2}(?:timeline|process|next steps|steps|stages|schedule|format)"
    r"(?: (?:for|of) [\w '-]{1,40})?$",
    re.IGNORECASE,
)
# Finite verbs and auxiliaries that make a fragment a clause (checked after a subject).
FINITE = frozenset(
    """is are was were am has have had does did will would can could should may might must
    isn't aren't wasn't weren't hasn't haven't don't doesn't didn't won't can't couldn't
    went took grew ran led built spent said told thought got gave made began came knew felt
    take takes goes gets wants needs thinks says lags ships hires owns uses seems tends happens
    comes go come happen tend seem works lives""".split()
)
# Verbs that follow a plural subject ("tests run", "engineers own"), and a singular one
# ("the recruiter sends"); kept to words that are seldom nouns in a jotting.
BARE_VERBS = frozenset(
    "run go take get need want use work come ship lag happen sit live own meet pair rotate "
    "report join write break fail move grow share split deploy release handle sync".split()
)
SINGULAR_VERBS = frozenset("sends runs works owns sits handles covers manages meets".split())
# Verbs that can follow "both" ("both love bouldering"); without one, "both" needs "we're".
BOTH_VERBS = FINITE | frozenset(
    "love like play run did do have had live lived work worked study grew went moved started "
    "support follow speak spoke hate enjoy own read write cook climb swim cycle".split()
)
# Participles that jottings use as adjectives ("trunk based", "data driven"), not as verbs.
ADJECTIVAL = frozenset(
    "based related driven focused oriented shared distributed automated managed hosted "
    "regulated centralised centralized federated".split()
)
FREQUENCY_ADVERBS = frozenset(
    "always never often usually sometimes rarely still already just also".split()
)
SUBJECT_PRONOUNS = frozenset("i we you she he they it there".split())
WH_WORDS = frozenset("how what why where when whether which who".split())
ROLE_TITLES = frozenset("vp cto ceo cfo coo ciso director head".split())
