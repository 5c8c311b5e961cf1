"""Text normalisation shared by the classifier, the keyword rules and unit extraction.

Everything is matched on one form: NFKC (full-width to half-width), no zero-width characters,
Traditional converted to Simplified Chinese, lower case, runs of blanks collapsed. OpenCC's t2s turns the
Cantonese 嗰 ("that") into the rare variant 𠮶; it is turned back, so that rules, lexicon and unit patterns
written with 嗰 match.

Many residents' domestic helpers write in English mixed with Tagalog or Indonesian ("amoy gas po sa kusina", "Bu, lift
mati, saya di dalam lift"). The words for the dangers and a few common faults are glossed into English
(:data:`_GLOSS`) so that the emergency rules, which read English and Chinese, see them. Only words that are not also
English are glossed, and the ambiguous ones only in a phrase: Indonesian "asap" (smoke) is English "ASAP", so only
"ada asap", "keluar asap" and the like are smoke; "api" is fire only in "ada api", "keluar api", "api kecil".
"""

from __future__ import annotations

import importlib
import re
import unicodedata

import opencc

from bot.nlu.patterns import compile_plain

_T2S = opencc.OpenCC("t2s")
# Taiwan's word for piped gas (瓦斯, typed 瓦絲 too) is the mainland's 燃气 to the rules and the model.
_TAIWAN_GAS = compile_plain("瓦[斯丝]")
# What a speech recogniser prints for a word it misheard, where the misheard form is no word of its own: 店梯 for
# 电梯 (lift), 梅气 and 然气 for 煤气 and 燃气 (gas; not 天然气, natural gas).
_MISHEARD = compile_plain("店梯|梅气(?=味|漏|喉|管|炉|表)|(?<![天燃])然气")
_MEANT = {"店梯": "电梯", "梅气": "煤气", "然气": "燃气"}
_ZERO_WIDTH = compile_plain("[\u200b-\u200f\u2060\ufeff\u00ad]")
_BLANKS = compile_plain(r"\s+")

# Tagalog (tl) and Indonesian or Malay (id) words for the dangers and common faults, and the times that date them;
# then the everyday words of the desk's matters. They are glossed in this order, so a phrase is glossed before its
# words ("walang malay" is unconscious before "walang" is no, "ada asap" smoke before "ada" is anything).
# The days of the week in English, Indonesian and Tagalog, for the gloss of a day told of ("hari senin", "nung Lunes").
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ID_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_TL_WEEKDAYS = ("lunes", "martes", "miyerkules", "huwebes", "biyernes", "sabado", "linggo")
_GLOSS_WORDS: tuple[tuple[str, str], ...] = (
    # "If": "pag may sunog" is "if there is a fire", "kalau ada asap" "if there is smoke"; Tagalog "kung" too, but not
    # in "Kung Hei Fat Choi", kung fu or kung pao chicken.
    (
        r"(?:kalau|kalo|klo|jika|kapag|pag|kung) (?:hujan|ujan|ulan|umuulan)"
        r"|(?:kapag|pag|kung) (?:malakas|malakas na) (?:ang |na )?ulan|(?:kalau|kalo|klo) hujan (?:deras|lebat|gede)",
        "if it rains",
    ),
    # Kapampangan "nung atin amoy gas" (if there is a smell of gas), before "nung" is read as Tagalog's past "when".
    (r"nung atin", "if there is"),
    # Gone now: "ngayon po wala" (none now), "karon wala na".
    (r"(?:ngayon|karon) (?:po )?wala(?: na)?(?: po)?(?=[ ,.!?]|$)", "gone now"),
    (r"nawawala (?:din|rin|na|ra)", "goes away"),
    # We are fine now ("ok na kami", "ok na mi karon"); fixed already ("na ayo na sa electrician", "gi-ayo na").
    (r"ok na (?:po )?(?:kami|mi|kmi|ako|ko)", "we are fine now"),
    (r"(?:na[- ]?ayo|gi-?ayo) na", "already fixed"),
    # Bisaya: yesterday, last night, last week, reportedly ("kaniadtong semana naa kunoy gas leak").
    (r"kagahapon", "yesterday"),
    (r"kagabii", "last night"),
    (r"kaniadtong (?:semana|simana)|sa miaging semana", "last week"),
    (r"kunoy|kuno", "reportedly"),
    # Ilocano "ita nga oras": right now.
    (r"ita nga oras", "right now"),
    # Supposing: "kalo misalnya bau gas malem2 …", "seandainya ada kebakaran", "halimbawa may sunog".
    (
        r"(?:(?:kalau|kalo|klo|jika|kapag|pag|kung) )?(?:misalnya|misalkan|misal|umpamanya|halimbawa)"
        r"|seandainya|andaikan",
        "if",
    ),
    # (With the spoken "kalo", "klo".)
    (r"paano kung|pano kung|unsaon kung", "what if"),
    # (Javanese "nek misale", "yen", and Tagalog "kpag" as texted.)
    (
        r"(?:nek|yen|lek) (?:misale|misal|umpamane)|(?:nek|yen)(?= (?:ono|ana|ada|wes|wis|mbah|aku|mambu|ambune?))"
        r"|upami",  # (Sundanese)
        "if",
    ),
    (
        r"(?:pag|kapag|kpag|kpg|kalau|kalo|klo|jika|apabila|kung(?! ?(?:hei|hey|fu|fat|pao|po chicken)))"
        r"(?: nanti| mamaya)?",
        "if",
    ),
    # Indonesian "kl" is "kalau" before what it supposes ("kl ada apa2 hubungi sy").
    (r"kl(?= (?:ada|bisa|mau|udah|udh|sudah|gak|ga|gk|nggak|tidak|sy|saya|aku|majikan|mati|bau))", "if"),
    # A stove or heater that will not light is no fire: "ayaw mag apoy", "hindi sumisindi", "kompor gak nyala".
    (
        r"(?:ayaw|dili|hindi|di) (?:(?:lang|talaga|na) )*(?:mag ?)?(?:apoy|sindi|siga|sumindi|sumisindi|mosiga)"
        r"|(?:gak|ga|gk|nggak|tidak|tak) (?:mau |bisa )?(?:nyala|menyala)|(?:ora|ra) murup",
        "will not light",
    ),
    # Asked of what was seen earlier: "meron bang sunog kanina?" (was there a fire earlier?).
    (
        r"(?:meron|mayroon|may|naa) (?:bang?|bay)(?= [a-z]+ (?:kanina|kagabi|kahapon|ganina|gabii|niadtong))",
        "was there",
    ),
    (r"(?<=if )(?:may|ada|aya|naay|naa'?y|adunay|atin)(?= )", "there is"),
    (r"unsa(?: ang)? (?:buhaton|himuon|angay buhaton)", "what to do"),
    # Taken to hospital already: told after the danger.
    (
        r"(?:udh |udah |sudah )?dibawa (?:ke )?(?:rs|rumah sakit|ambulan(?:ce|s)?|hospital)"
        r"|(?:isinugod|dinala) (?:na )?sa (?:ospital|hospital)",
        "was taken to hospital",
    ),
    # Bisaya "naa na siya sa ospital" (she is in hospital now).
    (r"(?:naa|atua|nasa) na (?:siya|sya|xa|sila|si \w+) sa (?:ospital|hospital)", "already in hospital"),
    # Nobody, and none of it: "tidak ada orang di dalam", "walang tao", "tidak ada asap", "walang sumasagot".
    (r"walang sumasagot|(?:tidak|tak|gak|nggak|enggak) ada yang (?:angkat|jawab|menjawab)", "nobody answers"),
    # Let out already ("udah dikeluarin sama satpam"), and fine ("ga papa").
    (r"(?:udh |udah |sudah )?(?:dikeluarin|dikeluarkan)", "already got out"),
    (r"(?:ga|gak|gk|nggak|tidak) (?:apa-apa|apa2|papa)|gpp", "fine"),
    (r"(?:ga|gak|gk|nggak|tidak) (?:ada )?bau apa(?:-apa|2)", "no smell at all"),
    (r"kebocoran", "leak"),
    # A phone dropped, not a person fallen: "hp saya jatuh di sela lift".
    (r"(?:hp|hape|handphone|henpon)(?: (?:saya|aku|sy|ku|ko))? (?:jatuh|jatoh|nahulog|nalaglag)", "dropped my phone"),
    (r"wala(?:ng)? (?:namang |naman |pong |po )+tao", "nobody"),
    (
        r"(?:tidak|tak|gak|ga|gk|nggak|enggak) ada (?:orang|org|siapa-siapa|yang|yg)"
        r"|walang tao|walang (?:pumunta|dumating)",
        "nobody",
    ),
    (
        r"(?:skrg|sekarang|skrng) (?:udh|udah|sudah|sdh) (?:tidak|gak|ga|gk|nggak|ngga) ada(?= *(?:[,.!?]|$))",
        "gone now",
    ),
    (r"(?:tidak|tak|gak|ga|gk|nggak|ngga|enggak) ada|ora (?:ono|ana|ada)", "no"),
    # (Not the language: "she only speaks Hindi".)
    (r"(?:tidak|tak|gak|nggak|enggak|hindi) (?:bisa|mau|maka|ma)(?= )", "cannot"),
    # With the particles that may follow it ("hindi naman po baha": not a flood).
    (
        r"bukan|tidak|gak|gk|nggak|ngga|enggak|belum pernah"
        r"|(?<!speak )(?<!speaks )(?<!in )hindi(?: (?:naman|po|talaga))*",
        "not",
    ),
    (r"belum|blm|durung", "not yet"),
    # Javanese, as Indonesian helpers from Java write it ("banyu mlebu saka jendela", "mbah putri semaput", "wingi
    # bengi"), and Ilocano ("adda danum a agayus manipud ti kisame", "adda asuk … angot nasunog").
    (r"(?:ora|ra) (?:iso|isa|bisa) (?:digugah|tangi)", "not waking up"),
    (r"(?:ora|ra) (?:iso|isa|bisa) (?:dibuka|dibukak|dibukak)", "cannot open"),
    (r"semaput", "unconscious"),
    (r"getih(?:e)?(?: e)? (?:akeh|okeh)(?: (?:banget|tenan|pol))?", "bleeding a lot"),
    (r"getih(?:e)?", "blood"),
    (r"(?:ceblok|tibo)(?= [a-z])", "fell down"),
    (r"banyu(?:ne)? (?:mlebu|melbu)", "water coming in"),
    (r"banyu(?:ne)?|danum", "water"),
    (r"mlebu", "coming in"),
    (r"(?:nang|neng|ning) (?:njero|jero)|njero", "inside"),
    (r"(?<=coming in )saka|manipud", "from"),
    (r"nggenangi|kebanjiran", "flooding"),
    (
        r"(?:bumubuhos|bumuhos|nagbubuhos|agayus) (?:na |n )?(?:po )?(?:ang |ung |yung |a )?(?:tubig|danum|water)",
        "water pouring",
    ),
    (r"agayus|agay-ayus|bumubuhos|bumuhos|nagbubuhos", "pouring"),
    (r"ono(?= [a-z])", "there is"),
    (r"adda (?:asuk|asok)", "there is smoke"),
    # Ilocano, more of it ("agas-asuk ti saksakan", "angot ti nasinit a plastik", "naikulong ti ubing iti lift, saan nga
    # aglukat ti ridaw", "nabettak ti tubo … nalapunosen ti kusina", "natnag ni apong … agdardara ti ulona, saan
    # makasao", "idi kalman nag-spark … ita saanen").
    (r"agas-?asuk|ag-?asuk", "smoking"),
    (r"asuk", "smoke"),
    (r"angot(?: ti)? (?:nasunog|nakaang|sunog|nasinit)", "burning smell"),
    (r"angot(?: ti)? gas", "smell of gas"),
    (r"angot", "smell"),
    (r"saan (?:nga |a )?(?:aglukat|maluktan|malukatan)", "cannot open"),
    (r"saan (?:nga |a )?makasao", "cannot speak"),
    (r"ita saanen|saanen", "not anymore"),
    (r"ita awan(?: met)?", "gone now"),
    (r"awan ti(?= )", "no"),
    (r"idi napan (?:a|nga) (?:lawas|bulan)", "last week"),
    (r"saan (?:nga|a)(?= )", "not"),
    (r"ridaw", "door"),
    (r"nabettak", "burst"),
    (r"nalapunos(?:en)?", "flooded"),
    (r"natnag", "fell down"),
    (r"agdardara(?: ti (?:ulo|ulona))?", "bleeding"),
    (r"idi kalman", "yesterday"),
    (r"idi rabii", "last night"),
    # Javanese: let out already ("saiki wis metu"), what someone said ("ono sing kandha mambu gas"), no smell or no
    # smoke any more ("aku ra mambu opo2", "saiki ra kebul meneh"), a neighbour's cigarette ("tonggo udud").
    (r"(?:wis|wes|udah|udh) (?:iso |bisa )?metu", "already got out"),
    (r"ono sing (?:kandha|ngomong|omong|bilang)|jarene|jare", "someone said"),
    (r"(?:ora|ra) mambu(?: (?:opo|apa)(?:2|-opo|-apa)?)?", "cannot smell anything"),
    (r"(?:ora|ra) (?:ono |ana )?kebul(?:e)? (?:meneh|maneh)", "no more smoke"),
    (r"udud|ngudud|ududan", "smoking cigarettes"),
    (r"tonggo(?:ne)?", "neighbour"),
    (r"piye carane", "how"),
    (r"wingi (?:bengi|wengi)", "last night"),
    (r"wingi", "yesterday"),
    (r"(?:wes|wis) ilang", "gone now"),
    (r"saiki", "now"),
    (r"isih", "still"),
    (r"(?<=lift )mandeg|(?<=lift )mandek|(?<=liftnya )mandeg|(?<=liftnya )mandek", "stopped"),
    (r"liftnya (?=stopped)", "the lift "),
    (r"mambu", "smell"),
    (r"lawang(?:e)?", "door"),
    (r"ora|dili", "not"),
    # Sundanese, as some helpers from West Java write ("abdi kakurung sareng nini di jero", "nini … labuh teu sadar"),
    # and more Javanese ("kebul lan ambu gosong", "ambune gas nang pawon").
    (r"kakurung|kakonci", "trapped"),
    # Nepali and Hindi, as South Asian families write English ("lift ma mero chora phasyo, dhoka khuldaina", "aag lagi
    # hai", "dhuan aa raha", "bachao", "jaldi").
    (r"phasyo|phaseko|phasiyo|fasyo|phans gaya|phas gaya|fas gaya|phans gayi|phas gayi", "trapped"),
    (r"dhoka (?:khuldaina|khulena|nahi khul raha|nahin khul raha)", "door will not open"),
    (r"aag lag(?:i|gayi|gai|a)(?: hai)?", "there is a fire"),
    (r"dhuan|dhuaan|dhua", "smoke"),
    (r"bachao|bachaao", "help"),
    # ("cai ngabudal tina pipa peupeus … caina beuki naék": water gushing from a burst pipe, rising.)
    (r"peupeus", "burst"),
    (r"ngabudal", "gushing"),
    (r"cai(?:na)?", "water"),
    (r"tina", "from"),
    (r"beuki na[eé]k", "rising"),
    (r"kumaha", "how"),
    (r"kamari", "yesterday"),
    (r"ayeuna", "now"),
    (r"(?<= )tos(?= [a-z])", "already"),
    (r"jebule|jebulane", "turned out"),
    (r"teu (?:tiasa|bisa) (?:dibuka|dibukakeun)", "cannot open"),
    (r"teu sadar|teu sadarkeun maneh", "unconscious"),
    (r"labuh", "fell down"),
    (r"ujug-?ujug|ujug2", "suddenly"),
    (r"di jero", "inside"),
    (r"abdi", "i"),
    (r"sareng", "with"),
    (r"nini", "grandma"),
    # ("teu aya haseup deui, tadi mah tina panggangan roti": no smoke any more, it was the toaster.)
    (r"teu aya", "no"),
    (r"deui", "any more"),
    (r"panggangan roti", "toaster"),
    (r"teu", "not"),
    (r"kebul", "smoke"),  # (not "kukus": smoke in Javanese, but steaming food in Indonesian)
    (r"ngetokno|ngetokake|ngetokne", "giving off"),
    (r"ambu(?:ne)? gas", "smell of gas"),
    (r"ambu(?:ne)?", "smell"),
    (r"katanya (?:udh |udah |sudah )?(?:aman|gpp|ok|oke)", "said it is safe"),
    # Taglish "d" is "hindi", not, before a verb or a pronoun ("d bumubukas ung pinto", "23/F d tumitigil"); not a
    # flat D ("flat D na po").
    # (After a floor: "20/F d na nagsasara", "8/F, d ata nalilinis".)
    (r"(?:(?<=/f )|(?<=/f, )|(?<=floor ))d(?= (?:na|pa|ata|nmn|naman) [a-z])", "not"),
    (
        r"d(?= (?:bumubukas|bumukas|gumagana|gumana|makadaan|makalabas|makapasok|maisara|masara|mabuksan|mabukas"
        r"|maka-?[a-z]+|pwede|pwd|ko|q|xa|sya|siya|nmn|naman|alam|gumagalaw|umaandar|tumitigil|tumigil|sumasagot)"
        r"(?![a-z]))",
        "not",
    ),
    # Indonesian "rumah", the flat, before its letter ("lt 8 rmh C"); elsewhere home.
    (r"(?:rmh|rumah)(?= [a-h](?![a-z]))", "flat"),
    (r"rmh", "home"),
    (r"toko", "shop"),
    # Smells, smoke, fire.
    (r"bau (?:hangus|gosong)|amoy (?:sunog|nasusunog)", "burning smell"),
    (r"(?:cium|nyium|mencium|kecium|kecium) bau|cium|nyium|mencium|kecium", "smell"),
    (r"(?:nasimhot|nakasimhot|simhot) (?:nga |ug |og )?gas", "smell of gas"),
    (r"amoy|bau|mambu|nasimhot|nakasimhot|simhot", "smell"),
    (r"hangus|gosong|sunog na", "burnt"),
    (r"umuusok|berasap|mausok", "smoking"),
    (r"nag[- ]?aso|naga[- ]?aso|ga-?aso", "smoke coming out"),
    (r"baho(?: kaayo)? (?:og |ug )?(?:nasunog|sunog)", "strong burning smell"),
    (r"detektor (?:asap|asep|haseup)|alarm (?:asap|asep|haseup|smoke)|smoke detektor", "smoke detector"),
    (
        r"usok|(?<=ada )asap|(?<=keluar )asap|asap(?= (?:hitam|tebal|putih))|(?<=banyak )asap|(?<=no )asap"
        r"|(?<=penuh )asap|asap(?= (?:banyak|tebel|makin))",
        "smoke",
    ),
    # The firemen ("pemadam kebakaran udh dtg"), and a fire put out ("satpam udh padamin").
    (r"pemadam kebakaran|petugas damkar|damkar|bumbero|bombero", "firemen"),
    # Shouted with its last letter drawn out: "KEBAKARANNN".
    (r"kebakaran+n", "fire"),
    (r"api(?:nya)? (?:gede|gedhe|besar|makin besar)", "big fire"),
    (r"kena (?:asep|asap)(?:nya)?|bekas (?:asep|asap)", "smoke stains"),
    (r"asap masak|asep masak|usok ng (?:luto|niluluto)|usok sa pagluluto", "cooking smoke"),
    (r"asep(?:nya)?", "smoke"),
    (r"uap|singaw", "steam"),
    (r"atau|o kaya", "or"),
    (
        r"(?:udh |udah |sudah |sdh )(?:padamin|dipadamin|dipadamkan|padamkan|dimatiin)|napatay na (?:ang |yung )?apoy",
        "already put out",
    ),
    (r"(?:may|naay|naa'?y) (?:sunog|kalayo) daw", "reportedly there was a fire"),
    (r"may sunog|ada kebakaran|naay kalayo|naa'?y kalayo|aya seuneu", "there is a fire"),
    (r"kalayo|seuneu", "fire"),
    (r"(?:daghan|dako)(?: kaayo)?(?: ug| nga)? aso|haseup(?:na)? loba(?: pisan)?", "a lot of smoke"),
    (r"(?:naay|naa'?y|adda) (?:aso|asok)", "there is smoke"),
    (r"asok|haseup(?:na)?", "smoke"),
    (r"rumrumuar", "coming out"),
    (r"tulungan", "help"),
    (r"alarm kebakaran|fire alarm(?:nya)?", "fire alarm"),
    (r"latihan (?:kebakaran|evakuasi)|simulasi (?:kebakaran|evakuasi)", "fire drill"),
    # "Test lang po ba yung alarm?": only a test.
    (r"(?:tes|test|drill) lang|(?:ngan )?ukur (?:tes|test)", "just a test"),
    (r"tes|uji coba", "test"),
    # ("api tidak bisa mati", a fire that will not go out.)
    (
        r"sunog|apoy|kebakaran|(?<=ada )api|(?<=keluar )api"
        r"|api(?= (?:kecil|besar|cannot mati|(?:tidak|gak|ga|nggak) (?:bisa )?mati))",
        "fire",
    ),
    (r"nasusunog|terbakar", "burning"),
    (r"(?:bakar )?(?:dupa|hio|hio-hio)|insenso", "incense"),
    (r"kertas (?:sembahyangan|sembahyang|sembayang|doa|emas|dewa)", "joss paper"),
    # (Also with its burner between, in Bisaya: "nagsunog ra diay ang silingan og papel para sa ilang patay".)
    (r"(?:nagsusunog|nagsunog|nagsisunog)(?: [^,.!?]{0,30})? (?:ng|og|ug) papel", "burning paper"),
    (r"nagpiprito|nagprito|magprito|goreng(?:2|-goreng)?", "frying"),
    (r"nag-?iihaw|nag-?ihaw|nag-?iinihaw", "grilling"),
    (r"cabe|cabai|sili", "chilli"),
    (r"isda|ikan", "fish"),
    # What was only thought: "akala namin may sunog", "kirain ada kebakaran".
    (r"akala (?:ko|namin|natin|nila|niya|ni \w+)|kirain|kukira|saya kira|sy kira", "we thought"),
    (r"(?<=[a-z] )(?:bakar|nagsusunog)(?= [a-z])", "burning"),
    (r"jemuran|sinampay|sampayan|sampay", "laundry"),
    (r"nagliliyab|nagliyab|umaapoy|berkobar", "in flames"),
    # A light that blinks ("kumikislap kislap ung ilaw") flickers; elsewhere "kislap" is a spark.
    (
        r"(?:kumikislap|nagkikislap)(?: ?kislap)?(?= (?:po |pa |na )?(?:ang |ung |yung |ng )?(?:ilaw|light|bumbilya))"
        r"|(?:(?<=ilaw )|(?<=light ))(?:kumikislap|nagkikislap|kislap)",
        "flickering",
    ),
    (r"percikan api|kumikislap|kislap|nagsi-?spark|nag-?spark", "sparks"),
    (r"korsleting|korslet", "short circuit"),
    (r"sumisitsit|sumasagitsit|mendesis|berdesis|desis", "hissing"),
    (r"natunaw|natutunaw|meleleh|leleh", "melting"),
    (r"sumabog|meledak", "exploded"),
    # Water. Indonesian "air" is water only in a phrase ("air masuk", "air mengalir deras", "pipa air"): it is English.
    (r"bumabaha|kebanjiran|nagbaha|nagabaha", "flooding"),
    (r"binaha|bumaha|nibaha|mibaha", "flooded"),
    (r"baha|banjir", "flood"),
    (r"lumubog|lubog|terendam|kerendam", "submerged"),
    (r"dumi(?= (?:galing|mula|from))", "sewage"),
    (
        r"(?:pumutok|nibuto|mibuto)(?: (?:na|pud|napud|po|ulit|usab|sad))* (?:ang|yung) tubo"
        r"|pipa pecah|pecah pipa|pipanya pecah",
        "pipe burst",
    ),
    # Bisaya: burst (again, "nibuto na pud"), the water flowing ("ang tubig nag agas").
    (r"nibuto|mibuto", "burst"),
    (r"(?<=[a-z] )na pud(?![a-z])", "again"),
    (r"nag[- ]?agas|nag[- ]?awas", "flowing"),
    (r"bekas (?:asap|api|kebakaran|terbakar)", "smoke stains"),
    (r"air masuk ke|tubig pumapasok sa", "water coming into"),
    (
        r"air masuk|(?:pumapasok|pasok|pumasok|misulod|nisulod|nagsulod) (?:po )?(?:ang |yung )?tubig"
        r"|tubig (?:po )?pumapasok",
        "water coming in",
    ),
    (r"(?:pumapasok|pumasok|misulod|nisulod) (?:na )?(?:ang |yung )?ulan", "rain coming in"),
    # Water rising: "tumataas na ang tubig sa sahig".
    (r"(?:tumataas|mitaas|nisaka) (?:na )?(?:ang |yung )?tubig", "water rising"),
    (r"nag[- ]?i?-?spray (?:ng |nang )?tubig|nagsi-?spray (?:ng )?tubig", "spraying water"),
    (r"palaki (?:nang|ng) palaki|lumalaki(?: pa)?|makin (?:gede|besar)|semakin besar", "getting bigger"),
    (r"binabaha|bumabaha", "flooding"),
    (r"kejadian (?:lagi|lg)|nangyari (?:ulit|na naman)|ganun ulit|ganyan ulit|ganon ulit", "happening again"),
    (r"kumakalat|menyebar|nyebar|nagkalapad|mikalapad|nikalapad", "spreading"),
    (r"nibalik|mibalik", "coming back"),
    # A toilet or tap that keeps running: "WC bunyi ngucur trs", "kran di halaman depan … ngocor trs".
    (r"(?:wc|toilet|kloset|closet)(?: (?:bunyi|sound)(?:nya)?)? (?:ngocor|ngucur|mengucur)", "toilet running"),
    (
        r"(?:ngocor|ngucur|mengucur)"
        r"(?= (?:trs |terus )?(?:gk|gak|ga|tidak|nggak|not) (?:bs|bisa) (?:ditutup|dimatiin|mati))",
        "running",
    ),
    (r"naik keluar|meluap keluar|naik ke atas", "coming up and out"),
    (
        r"(?:udh |udah |sudah )?(?:sampe|sampai|nyampe) (?:ke )?(?=kamar|ruang|dapur|koridor|lorong|ruang tamu)",
        "reaching the ",
    ),
    (r"kabel(?:nya)?", "cable"),
    (r"(?:gk|gak|ga|tidak|nggak|not) (?:bs|bisa) keluar", "cannot get out"),
    (r"(?:meng|ng)?gantung", "hanging"),
    (r"air (?:dr|dari) (?:got|saluran|selokan|lubang)", "water from the drain"),
    (r"tercium|kecium|nyium|mencium", "smell"),
    (r"pertama (?:kali )?(?:dipake|dipakai|pakai|dinyalain|dinyalakan)", "the first time used"),
    (r"air mengalir deras|mengalir deras|bocor deras|(?:ngocor|ngucur|mengucur)(?: (?:deres|deras))?", "water pouring"),
    (r"air(?:nya)? (?:udh |udah |sudah )?naik (?:dr|dari)", "water coming in from"),
    (r"lobi|lobinya", "lobby"),
    (r"got(?= (?:luar|depan|belakang|mampet|meluap|penuh|di depan|nya))|gorong-gorong", "drain"),
    (r"(?:(?<=water )|(?<=air ))(?:udh |udah |sudah )?(?:sampe|sampai|nyampe)(?= (?:ke )?[a-z])", "reaching"),
    (r"air mancur (?:dr|dari) (?:pipa|pipanya)", "water spraying from the pipe"),
    (r"airnya (?:udh |udah |sudah )?masuk", "water coming in"),
    (r"tagihan air|rekening air", "water bill"),
    # A gas hose hissing ("sumisirit yung hose ng gas"); elsewhere "sumisirit" is water spraying.
    (r"(?:sumisirit|sumirit|sirit|nagsirit)(?=[^.!?]{0,30}(?:gas|kalan|stove))", "hissing"),
    (r"air (?:nyembur|menyembur|nyemprot|menyemprot)", "water spraying"),
    (
        r"air muncrat|muncrat|bumubulwak|sumisirit|sumirit|nagsirit|tumatalsik|bumubuga|menyembur|nyembur|menyemprot"
        r"|nyemprot",
        "spraying",
    ),
    (r"(?:air )?(?:udah |udh |sudah )?ngalir|mengalir|nag-?agas|nagaagas|umaagos|dumadaloy|nag-?agos", "flowing"),
    (r"hugaw nga tubig|maruming tubig|air kotor", "dirty water"),
    (r"umaapaw|umapaw|mi-?apaw|nag-?awas|nag-?overflow|meluap|meluber", "overflowing"),
    (r"gikan sa|galing sa?(?= )", "from"),
    (r"nasunog (?:ung|ang|yung|un) (?:sinaing|kanin|niluluto|ulam)", "burnt the rice"),
    (r"nisulod(?: na)?(?: sa)?", "coming into"),
    (r"nagkadaghan(?: pa)?|padaghan", "getting bigger"),
    (r"air panas|mainit na tubig", "hot water"),
    (r"pipa air", "water pipe"),
    (
        r"air(?= (?:naik|keluar|kotor|banjir|bocor|menetes|sudah|sampai|reaching|setinggi|di mana|dimana|masih"
        r"|terus|makin"
        r"|semakin))|tubig",
        "water",
    ),
    (r"(?:(?<=water )|(?<=masih )|(?<=terus )|(?<=makin )|(?<=semakin ))naik", "rising"),
    (r"pipa(?:nya)?|tubo", "pipe"),
    (r"(?:deres|deras)(?: (?:bgt|banget|sekali))?", "hard"),
    (r"(?<=[a-z] )ke(?= [a-z])", "into"),
    (r"tumatagas|bocor", "leaking"),
    (r"tumutulo|tulo nang tulo|menetes|netes|patak patak|patak-patak", "dripping"),
    (r"may tagas|tagas", "leak"),
    (r"merembes|rembes", "seeping"),
    (r"basang basa|basang-basa|basah kuyup", "soaking wet"),
    # How deep: "hanggang tuhod", "sampai mata kaki".
    (r"(?:hanggang|sampai|sampe|setinggi) (?:sa )?(?:tuhod|lutut)", "up to the knee"),
    (r"(?:hanggang|sampai|sampe|setinggi) (?:sa )?(?:bukung-bukong|bukong-bukong|mata kaki)", "up to the ankle"),
    (r"(?:hanggang|sampai|sampe|setinggi) (?:sa )?(?:binti|betis)", "up to the calf"),
    (r"(?:hanggang|sampai|sampe|setinggi) (?:sa )?(?:baywang|pinggang)", "up to the waist"),
    (
        r"(?:hanggang|sampai|sampe|setinggi) (?:sa )?(?:ban|gulong)(?: (?:mobil|ng kotse|ng sasakyan))?",
        "up to the tyres",
    ),
    (r"sedikit|dikit|konting|konti|kaunti|kaunting", "a little"),
    (r"plester(?:nya)?", "plaster"),
    (r"surut|humupa", "gone down"),
    (r"kering|tuyo", "dry"),
    (r"kayak hujan|seperti hujan|parang ulan|kagaya ng ulan", "like rain"),
    # Lifts and people.
    # A pram or bag caught in a door is no one trapped either: "naipit ang stroller".
    (r"naipit (?:po )?(?:ang|yung|ung|un) (?:stroller|bag|trolley|cart|payong|damit)", "caught"),
    (
        r"buti (?:na lang|nalang)|buti(?= (?:ok|okay|walang|wala|hindi|di|safe))|untung(?:nya)?|maayo (?:na lang|kay)",
        "luckily",
    ),
    # A hand, finger, arm or foot caught in a door is no one trapped ("naipit ang kamay ng alaga ko sa pinto ng lift",
    # "naipit braso ni lola").
    (
        r"naipit (?:po )?(?:ang |yung |ung |un )?(?:kamay|daliri|braso|paa|binti|kamot|tiil)"
        r"|(?:kamay|daliri|braso|paa|tangan|jari|lengan|kaki)(?:nya)? (?:naipit|terjepit|kejepit)",
        "hand caught",
    ),
    (r"naipit|nakulong|nakakulong|naikulong|(?:naka|na)[- ]?trap|terjebak|kejebak|terkurung|terperangkap", "trapped"),
    # ("Kung ma-stuck sa lift": if one gets stuck.)
    (r"ma-? ?stuck|ma-?trap", "get stuck"),
    (r"macet|na[- ]?stuck|naka-? ?stuck|nyangkut|tersangkut", "stuck"),
    (r"(?:(?<=stuck )|(?<=trapped ))(?:sa|di)(?= )", "in"),
    (r"tumigil|huminto|berhenti|m?ihunong|ni ?hunong|nahunong", "stopped"),
    # Each time: "tiap nyuci lantai banjir dikit" (a little water whenever the washing machine runs).
    (r"(?:se)?tiap(?: kali)?|tuwing", "every time"),
    (r"nyuci|mencuci|cuci baju|naglalaba|maglaba", "washing"),
    (r"takut|takot|natatakot", "afraid"),
    (r"bumubukas|bumukas|magbukas|dibuka|terbuka|kebuka", "open"),
    (r"di antara lantai|antara lantai|sa pagitan ng (?:mga )?palapag", "between floors"),
    (r"sa gitna|sa tunga(?: sa)?", "in the middle"),
    (r"nasa loob ng|nasa loob|di dalam|di dalem|di dlm|sa loob|sa sulod(?: sa)?", "inside"),
    (r"naka-?on pa", "still on"),
    (r"(?:dari|dr) (?:dalam|dalem|dlm)", "from inside"),
    (r"liftnya (?:mati|berhenti|macet)", "the lift stopped"),
    (r"(?<=\d )org|(?<=ada )org|orang-orang", "people"),
    (r"tiba-tiba|tiba2|bigla(?:ng)?", "suddenly"),
    (r"di tengah|di tengah2", "in the middle"),
    (r"teriak(?:2|-teriak)?|berteriak|sumisigaw", "shouting"),
    (r"nakalabas na|nakagawas na", "already got out"),
    (r"(?:(?<=udah )|(?<=sudah )|(?<=udh ))(?:bisa )?keluar|nakalabas|nakagawas", "got out"),
    (r"may tao|naa (?:tawo|tao)|ada orang|ada org", "someone"),
    (r"(?:sblm|sebelum) ada (?:yg|yang)", "before someone"),
    (r"(?:not|hindi|di) (?:maabli|maablihan|mabuksan|mabukas)|gak bisa dibuka|ga bisa dibuka", "cannot open"),
    (r"pultahan", "door"),
    (r"palihug", "please"),
    (r"(?<=please )dali|bilisan", "hurry"),
    (r"kasama ko|bersama saya|sama saya", "with me"),
    (r"nahimatay|hinimatay|pingsan|nakuyapan|nakuyap", "fainted"),
    (r"wala (?:siya |sya )?(?:nagmata|nakamata)", "not waking up"),
    # ("Tidak sadar" is "not sadar" by now.)
    (
        r"walang malay|nawalan ng malay|tak sadar|not sadarkan diri|not sadar"
        r"|nawad-?an (?:ug|og|ng) (?:panimuot|malay)|nawalan ng panimuot",
        "unconscious",
    ),
    (r"(?:wala|no) (?:na )?(?:nag-?|mo)?respond|(?:gak|ga|tidak|not) (?:ada )?respon", "not responding"),
    (r"hindi gumagalaw|not gumagalaw|not bergerak", "not moving"),
    (
        r"berdarah (?:banyak|bnyk|byk|bgt|banget)(?: (?:bgt|banget|sekali))?|banyak darah|maraming dugo"
        r"|darah(?:nya)? (?:banyak|bnyk|byk)(?: (?:bgt|banget|sekali))?"
        r"|(?:ang )?daming dugo|daghan(?:g| ug)? dugo|dugo (?:ng|nang) dugo",
        "bleeding a lot",
    ),
    (r"darah(?:nya)?|dugo", "blood"),
    (
        r"(?:gak|ga|gk|nggak|tidak|tak|not) (?:mau |bisa )?(?:berhenti|brenti|berenti)(?:2|-brenti)?"
        r"|ayaw (?:huminto|tumigil)|(?:hindi|di) (?:tumitigil|humihinto|tumigil|huminto)",
        "will not stop",
    ),
    (r"duguan|berdarah|dumudugo", "bleeding"),
    (r"nadulas|terpeleset|kepeleset", "slipped"),
    (r"gumuguho|bumibigay", "collapsing"),
    (r"gumuho|runtuh|ambruk|ambrol|roboh|rubuh|jebol", "collapsed"),
    (r"malalaking piraso|potongan besar|bongkahan (?:besar|gede)", "big pieces"),
    (r"pecahan(?:nya)?|piraso", "pieces"),
    (r"pintura|cat (?:tembok|dinding|plafon|langit-langit)", "paint"),
    (r"ngelupas|mengelupas|kelupas|nagbabalat", "peeling"),
    (r"jatuh2|jatuh-jatuh", "falling"),
    (r"kecil(?:2|-kecil)?", "small"),
    (r"keramik|tisa", "tiles"),
    (r"stop ?kontak|saksakan", "socket"),
    (r"colokan", "plug"),
    (r"palang(?: parkir)?", "barrier"),
    (r"antrian|antrean|pila", "queue"),
    (r"tombol|pindutan", "button"),
    (r"telepon darurat|emergency phone", "emergency phone"),
    (r"ngeluh|mengeluh|nagreklamo", "complained"),
    (r"longgar|maluwag", "loose"),
    (r"sering|madalas", "often"),
    (r"gumuguho|gumuho|runtuh|ambruk", "collapsing"),
    (r"nahuhulog|berjatuhan", "falling"),
    (r"bumabagsak|nahuhulog na", "falling"),
    (r"bumagsak|jatuh|jatoh|terjatuh|nahulog|nalaglag|natumba|natumbá|natumbang", "fell down"),
    (r"ambulansya|ambulansiya|ambulans", "ambulance"),
    (r"kedip(?:-kedip|2)?|berkedip", "flickering"),
    (r"(?:udah |udh |sudah )(?:ilang|hilang)|nawala na", "gone now"),
    (r"(?<=no )apa(?:2|-apa)", "problem"),
    (r"if nanti(?= )", "if"),
    (r"kenceng|kencang", "hard"),
    (r"semento", "concrete"),
    (r"kisame|plafon(?:nya)?|langit-langit", "ceiling"),
    (r"bitak|retak", "crack"),
    # Faults.
    (r"walang kuryente|mati listrik|listrik mati|mati lampu", "no power"),
    (r"kuryente|listrik", "electricity"),
    (r"(?<=lift )mati|(?<=elevator )mati|(?<=lampu )mati|(?<=ilaw )mati|(?<=aircon )mati|(?<=ac )mati", "dead"),
    (r"gumagana|berfungsi", "working"),
    (r"sira|rusak", "broken"),
    (r"mampet|barado|tersumbat|mampat", "blocked"),
    (r"gripo|keran|kran", "tap"),
    (r"wastafel|lababo", "sink"),
    (r"inidoro|kubeta|kloset", "toilet"),
    (r"ilaw|lampu", "light"),
    (r"pinto|pintu(?:nya)?", "door"),
    (r"bintana|jendela", "window"),
    (r"gerbang", "gate"),
    (r"terkunci|kekunci|kekonci|dikunci|nakakandado|naka-lock", "locked"),
    (r"kunci", "key"),
    (r"pader|dingding|dinding|tembok", "wall"),
    (r"sahig", "floor"),
    (r"amag|jamur", "mould"),
    (r"blok|gedung", "block"),
    (r"koridor|pasilyo|lorong", "corridor"),
    # The Tagalog ordinal of a floor ("ika-12 palapag" is 12/F).
    (r"ika-?(\d{1,2}) (?:na )?palapag", r"\1/f"),
    # ("lt 18", "lt. 18" is lantai 18 as helpers shorten it.)
    (r"lantai dasar|lt\.? dasar", "ground floor"),
    (
        r"lantai|(?:na )?palapag"
        r"|lt\.?(?= ?(?:\d|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?![a-z]))",
        "floor",
    ),
    # Tagalog "tore" (tower) before its number or letter ("tore dos"), a flat's "letra" or "letter" ("flat 7 letra D").
    (
        r"tore(?= (?:\d|[a-h](?![a-z])|uno|dos|tres|kwatro|singko|sais|isa|dalawa|tatlo|apat|lima))",
        "tower",
    ),
    (r"flat (\d{1,2}) (?:letra|letter) ([a-h])", r"flat \1\2"),
    # "hindi po 12A kundi 12H": not 12A but 12H.
    (r"kundi(?= (?:po )?\d)", "i mean"),
    # Bisaya "andana" and Ilocano "kadsaaran", with their linkers ("ika-napulo nga andana", "lima a kadsaaran").
    (r"(?:nga |a )?(?:andana|kadsaaran)", "floor"),
    (r"hagdan|tangga", "stairs"),
    (r"kamar mandi|banyo", "bathroom"),
    (r"kusina|dapur", "kitchen"),
    (r"ruang tamu|sala", "living room"),
    (r"kwarto|kamar", "room"),
    (r"balkonahe|balkon", "balcony"),
    (r"kipas angin|bentilador", "fan"),
    # The everyday: people, money, grievances, the estate's places.
    (r"alikabok|debu|abog", "dust"),
    # Bisaya, and more of Tagalog's and Indonesian's everyday words.
    (r"silingan|kasilingan", "neighbour"),
    (r"saba(?: kaayo)?", "noisy"),
    (r"singgit|nagsinggit|nagsisigawan", "shouting"),
    (r"tibuok balay|buong bahay|seluruh rumah", "the whole flat"),
    (r"gi ?limpyohan|limpyohan|dipel", "cleaned"),
    (r"buhok|rambut", "hair"),
    (r"salog", "floor"),
    (r"liki|lamat", "crack"),
    (r"nagtatakbuhan|takbuhan|lari2|lari-lari", "running around"),
    (r"nanginginig|bergetar|geter", "shaking"),
    (r"sapatos|sepatu", "shoes"),
    (r"nag ?pi-?picture|motret|moto2", "taking photos"),
    (r"kahina[- ]hinala|mencurigakan|curiga", "suspicious"),
    (r"natapilok|kesandung|tersandung", "tripped"),
    (r"basag|nakaangat", "cracked"),
    (r"napunit|sobek", "torn"),
    (r"gelembung", "bubbles"),
    (r"bengkel", "garage"),
    (r"potongan|diskon", "discount"),
    (r"mengge?lembung|menggembung", "bulging"),
    (r"goyang(?:2|-goyang)?|umuuga", "wobbly"),
    (r"pegangan(?: tangga)?", "handrail"),
    (r"bolong", "hole"),
    (r"geser", "shifted"),
    (r"tutup selokan|takip ng kanal", "drain cover"),
    (r"bau amis|malansa", "fishy smell"),
    (r"tumpah|natapon", "spilled"),
    (r"salah (?:itung|hitung)|mali ang (?:kwenta|singil)", "miscalculated"),
    (r"nyalahin|menyalahkan|sinisisi", "blaming"),
    (r"tanda exit|exit sign", "exit sign"),
    (r"kaca|salamin", "glass"),
    (r"kayu", "wood"),
    # Who gets in and what goes missing: strangers following residents in, salesmen at the doors, thieves, loiterers.
    (r"hindi taga (?:dito|d2)|di (?:ko|namin) kilala|orang asing|gak kenal|ga kenal|tidak kenal", "stranger"),
    (r"nakasunod|sumunod|sinundan|ngikutin|ngikut(?:in)?|mengikuti|buntutin", "followed"),
    (r"nagbebenta|nagtitinda|jualan|nawarin|menawarkan", "selling"),
    (r"umiikot[- ]ikot|paikot[- ]ikot|mondar[- ]mandir|keliling(?:an)?", "loitering"),
    (r"nagsisilip|silip|ngintip|mengintip", "peeping"),
    (r"maling|pencuri|magnanakaw", "thief"),
    (r"kumukuha|ngambil|mengambil", "taking"),
    (r"nawalan|kehilangan", "lost"),
    (r"laging bukas|palaging bukas|bukas (?:buong araw|lagi)|kebuka terus|selalu terbuka|kebuka mulu", "always open"),
    (r"naka ?wedge|diganjel|diganjal|nakatukod", "propped open"),
    (r"naka ?kadena|dirantai|digembok", "chained"),
    (r"utang|hutang|tunggakan", "owe"),
    (r"nagbayad|nabayaran|binayaran|dibayar|udah bayar|sudah bayar|udh bayar", "paid"),
    (r"sulat|surat", "letter"),
    (r"imburnal", "sewer"),
    (r"hawakan|gagang", "handle"),
    (r"bumbilya|bohlam", "bulb"),
    (r"nabasag|pecah", "broke"),
    (r"tumutunog", "ringing"),
    (r"kumakalampag|kalampag|berisik banget", "rattling"),
    (r"umaandar|jalan(?= (?:lg|lagi|sendiri))", "running"),
    (r"payong|payung", "umbrella"),
    (r"madulas|licin", "slippery"),
    (r"turnilyo|sekrup|baut", "screw"),
    (r"matulis|tajam", "sharp"),
    (r"bulok|lapuk", "rotten"),
    (r"kahoy", "wood"),
    (r"patay na (?:ibon|daga|pusa)|bangkai", "dead animal"),
    (r"ibon|burung", "bird"),
    (r"aman(?= (?:gak|ga|gk|nggak|tidak|not|kok|ya|kah|gak sih)(?![a-z]))|aman(?=\?)|ligtas", "safe"),
    (r"(?:(?<=already )|(?<=now )|(?<=udh )|(?<=udah )|(?<=sudah ))aman", "safe"),
    (r"puntung rokok|upos ng sigarilyo|upos", "cigarette butts"),
    (r"pintu darurat|tangga darurat|pinto ng fire exit", "fire exit"),
    (r"semprot nyamuk|fogging nyamuk|pagpapausok", "mosquito fogging"),
    (r"nyetel|nyetelin|setel|muter|nagpapatugtog", "playing"),
    (r"musik|musika|lagu|kanta", "music"),
    (r"renovasi|renov", "renovation"),
    (r"ketok(?:2|-ketok)?|ketuk|gedor|katok|kumakatok", "knocking"),
    (r"bunyi(?:nya)?|tunog", "sound"),
    (r"ugong|dengung|ngung(?: ngung)*", "humming"),
    (r"putol[- ]putol|putus[- ]putus", "cutting out"),
    (r"kabar|balita", "update"),
    (r"struk", "receipt"),
    (r"isi (?:saldo|ulang|pulsa)|mag-?load", "top up"),
    (r"saldo", "balance"),
    (r"mesin|makina", "machine"),
    (r"pembayaran", "payment"),
    (r"layar(?:nya)?", "screen"),
    (r"nyala|menyala|nyalain", "working"),
    (r"disapu|nyapu|sapu|winalis|walis", "sweep"),
    (r"copot|lepas|natanggal", "came off"),
    (r"engsel|bisagra", "hinge"),
    (r"miring|tagilid", "tilted"),
    (r"patah", "broken"),
    (r"muntahan|muntah|nagsuka|sumuka", "vomit"),
    (r"pinjem|pinjam|hiram", "borrow"),
    (r"troli", "trolley"),
    (r"ongkos", "fee"),
    (r"kunci serep|kunci cadangan", "spare key"),
    (r"kotak surat", "mailbox"),
    (r"sepeda|bisikleta", "bicycle"),
    (r"taksi", "taxi"),
    (r"ngalangin|menghalangi|halangin|nakaharang|harang", "blocking"),
    (r"dimatiin|dimatikan|pinatay", "turned off"),
    (r"pemberitahuan|pengumuman|abiso|anunsyo", "notice"),
    (r"cipratan|kecipratan|tilamsik", "splashes"),
    (r"(?:siapa|sapa) (?:yg|yang) (?:tanggung|bayar)|sino (?:po )?(?:ang )?(?:sasagot|magbabayad)", "who pays"),
    (r"tanggung jawab|responsable", "responsible"),
    (r"diganti|ganti|napalitan|pinalitan|palitan", "replaced"),
    (r"noda|mantsa", "stain"),
    (r"lembab|lembap|mamasa-masa", "damp"),
    (r"selokan|saluran air|kanal", "drain"),
    (r"genangan|nggenang|menggenang|tergenang|naipon", "pooling"),
    (r"kaleng", "cans"),
    (r"pemilik|may-ari", "owner"),
    (r"penyewa|nangungupahan", "tenant"),
    (r"judes|galak|kasar|bastos|suplada|suplado", "rude"),
    (r"layanin|melayani|dilayani|asikasuhin", "serve"),
    (r"bangku|upuan", "bench"),
    (r"bawal|dilarang", "not allowed"),
    (r"not (?:patas|adil)", "unfair"),
    (r"(?:walang|no) pumapansin|no (?:yg|yang) peduli", "nobody cares"),
    (r"ilang beses|berkali-kali|bbrp kali|beberapa kali", "several times"),
    (r"beses", "times"),
    (r"telp|telpon|nelpon|tumawag|tawag", "call"),
    (r"guwardiya|gwardiya|satpam|sekuriti", "guard"),
    (r"kapitbahay|tetangga", "neighbour"),
    (r"majikan|amo", "employer"),
    (r"nyonya", "madam"),
    (r"tuan", "sir"),
    (r"tukang las|(?:tagahinang|manghihinang)", "welder"),
    (r"tukang|teknisi", "technician"),
    (r"kantor|opisina", "office"),
    (r"lola|nenek", "grandma"),
    (r"lolo|kakek", "grandpa"),
    (r"sanggol|bayi", "baby"),
    (r"bata|anak", "child"),
    (r"aso|anjing", "dog"),
    (r"ipis|kecoa|kecoak", "cockroach"),
    (r"daga|tikus", "rat"),
    (r"lamok|nyamuk", "mosquito"),
    (r"basura|sampah", "rubbish"),
    (r"mabaho|bau busuk", "stinking"),
    (r"marumi|madumi|kotor", "dirty"),
    (r"linisin|linis|bersihkan|dibersihkan|bersih", "clean"),
    (r"maingay|ingay|berisik|bising|ribut", "noise"),
    (r"suara", "sound"),
    (r"reklamo|komplain|keluhan", "complaint"),
    (r"salamat|terima kasih|trima kasih|makasih", "thank you"),
    (r"tulong|saklolo", "help"),
    (r"sumasagot|sumagot|menjawab|diangkat", "answering"),
    (r"peduli|pakialam", "cares"),
    # Indonesian "tolong" is "please" in most requests ("tolong cek"); a cry for help says its danger.
    (r"tolong", "please"),
    (r"jam berapa|anong oras", "what time"),
    (r"magkano|berapa", "how much"),
    (r"tagihan|singil", "bill"),
    (r"bayad|bayaran|magbayad|bayar|membayar|magbabayad", "pay"),
    (r"harga|presyo", "price"),
    (r"biaya|bayarin", "fee"),
    (r"resibo|kwitansi|kuitansi", "receipt"),
    (r"paket|padala", "parcel"),
    (r"paradahan|parkir", "parking"),
    (r"kotse|mobil", "car"),
    (r"sigarilyo|rokok|merokok|ngerokok|ngrokok|nyebat|naninigarilyo", "cigarette"),
    (r"nawala|hilang", "lost"),
    (r"ninakaw|dicuri|kecurian", "stolen"),
    (r"lasing|mabuk", "drunk"),
    (r"delikado|mapanganib|bahaya|berbahaya", "dangerous"),
    (r"ayusin|ipaayos|perbaiki|betulkan|benerin", "repair"),
    (r"naayos|inayos|diperbaiki|dibetulkan", "fixed"),
    (r"pakitingnan|tingnan|periksa|cek", "check"),
    (r"lapor|ireport", "report"),
    (r"mainit|panas", "hot"),
    (r"malamig|dingin", "cold"),
    # Who: "saya di dalam lift" is "I inside the lift".
    (r"saya|aku|ako|sy", "i"),
    (r"kami|kita|tayo", "we"),
    # When, and again.
    (r"sekarang juga|ngayon na", "right now"),
    (r"ngayon|sekarang|skrg|skrng|skg|karon", "now"),
    (r"na naman|ulit|lagi|lg", "again"),
    # "Pas nenek pingsan …" (when grandma fainted), "nung nahimatay si ma'am": when, told of the past.
    (
        r"(?:^|(?<=[,.!?] ))pas(?= )"
        rf"|(?:noong|nung)(?= (?!{'|'.join(_TL_WEEKDAYS)}|isang|pasko|bagong taon)[a-z])",
        "when",
    ),
    (r"pa rin|pa din|masih|padayon pa(?: nga)?", "still"),
    (r"sudah|udah|udh|sdh", "already"),
    (r"minggu (?:kemarin|kemaren|kmrn)|mgg kmrn", "last week"),
    (r"kahapon|gahapon|kemarin|kemaren|kmrn|kmaren", "yesterday"),
    (r"kagabi|tadi malam|tadi malem|semalam|semalem|smalem", "last night"),
    (r"(?:noong|nung) isang linggo|minggu lalu|mgg lalu", "last week"),
    (r"(?:noong|nung) isang araw", "the other day"),
    (r"(?:noong|nung) (?:pasko|bagong taon)", "last christmas"),
    # ("Niadtong gabii", that night, told of the past as "kagabi" is.)
    (r"(?:noong|nung) isang gabi|niadtong (?:usa ka )?gabii|niadtong gabi-i", "last night"),
    (r"malem(?:2|-malem)?|malam(?:2|-malam)", "at night"),
    (r"(?:noong|nung) isang buwan|bulan lalu|bln (?:lalu|kemarin|kemaren|kmrn)", "last month"),
    (r"(?:noong|nung) isang taon|tahun lalu|thn lalu", "last year"),
    # "Dati pumutok ang tubo": it burst before.
    (r"dati(?:ng)?", "earlier"),
    # "Tadi" and "kanina" are earlier today: told of a danger, it is still the day's ("nag spark kanina").
    (r"tadi pagi|td pagi|kaninang umaga", "this morning"),
    (r"tadi|kanina|ganina|td(?= [a-z])", "just now"),
    (r"nakita ko|nakakita ko|nakita namo|nakita namin", "i saw"),
    (r"ternyata|(?<=[a-z] )pala(?= [a-z]|[,.!?]|$)", "turned out"),
    (r"tidur|natutulog|tulog", "sleeping"),
    (r"cuma|hanya", "only"),
    (r"pero|tapi|tp", "but"),
    (r"(?<=not )lang", "just"),
    (r"sino", "who"),
    (r"besok", "tomorrow"),
    (r"hari ini|ngayong araw", "today"),
    (r"magandang umaga|selamat pagi", "good morning"),
    (r"magandang hapon|selamat siang|selamat sore", "good afternoon"),
    (r"magandang gabi|selamat malam", "good evening"),
    (r"hatinggabi|tengah malam", "midnight"),
    (r"madaling araw|dini hari", "early morning"),
    (r"umaga|pagi", "morning"),
    (r"gabi|malam", "night"),
    (r"malakas na ulan|malakas ulan|hujan deras|hujan lebat", "heavy rain"),
    (r"hujan|ulan", "rain"),
    (r"palagi|selalu", "always"),
    (r"terus", "non-stop"),
    # What is left of "walang" and "wala" once the phrases above are read: no.
    (r"wala nang|wala ng", "no more"),
    # "wala na po yung amoy gas": the smell is no more.
    (r"wala na(?: po)?(?: (?:yung|ang|ung))?(?= (?:amoy|baho|usok|smell|smoke|spark|tubig|water))", "no more"),
    (r"wala na(?: po)? (?:ngayon|karon|now)(?![a-z])", "gone now"),
    (r"wala na(?: po)?(?=[,.!?]|$)", "gone now"),
    (r"walay|wala'y", "no"),
    (r"(?:walang|wala|wla|wlang)(?: (?:nmn|naman|nman))?(?: pong?)?", "no"),
)
# Cantonese romanised, as helpers write a block: "saam joh" is 三座, block three.
_GLOSS_WORDS += tuple(
    (rf"{said} (?:joh|cho)", f"block {english}")  # ("sei jor" is 死咗, broken)
    for said, english in (
        ("yat", "one"), ("yi", "two"), ("saam", "three"), ("sei", "four"), ("ng", "five"), ("luk", "six"),
        ("chat", "seven"), ("baat", "eight"), ("gau", "nine"), ("sap", "ten"),
    )
)  # fmt: skip
# Indonesian's day said with "hari": "hari senin" is on Monday (a day told of, not today).
_GLOSS_WORDS += tuple((rf"hari {day}", f"on {english}") for day, english in zip(_ID_WEEKDAYS, _WEEKDAYS, strict=True))
# Tagalog's past weekday: "nung Lunes", "noong Biyernes" is last Monday, last Friday.
_GLOSS_WORDS += tuple(
    (rf"(?:noong|nung) {day}", f"last {english}") for day, english in zip(_TL_WEEKDAYS, _WEEKDAYS, strict=True)
)


def _must_contain(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None where no such hint is found.

    Applying the gloss is some four hundred substitutions in turn on a message that has any helper's word; a
    substring test in C is much cheaper than a regex scan, so each pattern runs only where one of its hints is in
    the text (as it is at that point of the gloss: a pattern that reads an earlier one's English is tested on it). The
    hints come from the pattern's parse (``re._parser``, Python's own); a pattern it cannot read, or one without a
    literal of two characters or more in every alternative, always runs."""
    try:
        parser = importlib.import_module("re._parser")
        c = importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - another Python's internals: every pattern runs
        return None

    def of_sequence(items: list[tuple[object, object]]) -> frozenset[str] | None:
        # What a sequence must contain: any one of its runs of literals, or the hints of any group or alternation
        # in it that must match (the parser factors "kalau|kalo" into "k" and a choice); the one whose shortest
        # string is longest is kept.
        candidates: list[frozenset[str]] = []
        run = ""
        for op, arg in items:
            if op is c.LITERAL:
                run += chr(arg)  # type: ignore[arg-type]
                continue
            if op is c.SUBPATTERN and all(o is c.LITERAL for o, _ in arg[-1]):  # type: ignore[index]
                run += "".join(chr(a) for _, a in arg[-1])  # type: ignore[index]  # a group of literals only
                continue
            inner = of_item((op, arg)) if op in (c.SUBPATTERN, c.BRANCH) else None
            if inner is not None:
                candidates.append(inner)
            candidates.append(frozenset({run}))
            run = ""
        candidates.append(frozenset({run}))
        best = max(candidates, key=lambda hints: min(map(len, hints)))
        return best if min(map(len, best)) >= 2 else None

    def of_item(item: tuple[object, object]) -> frozenset[str] | None:
        op, arg = item
        if op is c.SUBPATTERN:
            return of_sequence(list(arg[-1]))  # type: ignore[index]
        if op is c.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:  # type: ignore[index]
                hint = of_sequence(list(branch))
                if hint is None:
                    return None
                found |= hint
            return frozenset(found)
        return None

    try:
        return of_sequence(list(parser.parse(pattern)))
    except Exception:  # pragma: no cover - an unreadable parse: the pattern always runs
        return None


def _hints(words: str) -> tuple[str, ...] | None:
    hints = _must_contain(words)
    return None if hints is None else tuple(sorted(hints))


# Every gloss begins with a letter (after any lookbehind): "(?=[a-z])" lets a regex pass over every other place at
# once, which for a message in Chinese is nearly all of it.
_GLOSSES = tuple(
    (compile_plain(f"(?<![a-z-])(?=[a-z])(?:{words})(?![a-z-])"), english, _hints(words))
    for words, english in _GLOSS_WORDS
)
# Any of them, the word boundaries tried once rather than once a pattern: most messages have none.
_GLOSS = compile_plain(f"(?<![a-z-])(?=[a-z])(?:{'|'.join(words for words, _ in _GLOSS_WORDS)})(?![a-z-])")


# Numbers in Indonesian and Tagalog, as helpers give a flat, a floor or a block ("flat dua belas B", "lantai dua
# puluh", "block tatlo", "flat apatnapu't dalawa D", "labing-dalawa A"), and in the languages some of them write
# beside those (Sundanese "lantai dua puluh hiji", Javanese "blok telu lantai wolulas", Ilocano "maika-sangapulo ket
# lima a kadsaaran", Bisaya "ika-napulo ug duha nga andana", the Spanish "beinte uno C"): in English words, which the
# unit extractor reads as it reads "flat twelve b". Hundreds are left alone: a flat is said as its floor and letter, or
# digit by digit.
_ID_DIGITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    # Sundanese counts as Indonesian does ("dua puluh hiji", "tilu belas") with some digits of its own.
    "hiji": 1, "tilu": 3, "opat": 4, "genep": 6, "dalapan": 8, "salapan": 9,
}  # fmt: skip
# Numbers said in one word: Javanese ("siji", "telu", "wolulas" 18, "selawe" 25; not "loro", two but also ill),
# Sundanese's ten and eleven, and the Bisaya and Ilocano digits no other language here shares ("duha", "upat",
# "tallo", "siam"; not Bisaya "tulo", three but also a drip).
_WORD_NUMBERS = {
    "siji": 1, "telu": 3, "papat": 4, "limo": 5, "enem": 6, "pitu": 7, "wolu": 8, "songo": 9, "sanga": 9,
    "sewelas": 11, "rolas": 12, "telulas": 13, "patbelas": 14, "limolas": 15, "nembelas": 16, "pitulas": 17,
    "wolulas": 18, "songolas": 19, "selikur": 21, "rolikur": 22, "telulikur": 23, "patlikur": 24, "selawe": 25,
    "nemlikur": 26, "pitulikur": 27, "wolulikur": 28, "sangalikur": 29,
    "sapuluh": 10, "sabelas": 11,
    "duha": 2, "upat": 4, "unom": 6, "tallo": 3, "uppat": 4, "innem": 6, "siam": 9,
}  # fmt: skip
# Bisaya and Ilocano digits after their ten ("napulo ug duha" 12, "sangapulo ket siam" 19, "duapulo ket maysa" 21).
_BS_DIGITS = {"usa": 1, "duha": 2, "tulo": 3, "upat": 4, "lima": 5, "unom": 6, "pito": 7, "walo": 8, "siyam": 9}
_IL_DIGITS = {"maysa": 1, "dua": 2, "tallo": 3, "uppat": 4, "lima": 5, "innem": 6, "pito": 7, "walo": 8, "siam": 9}
_IL_TENS = {"dua": 20, "tallo": 30, "uppat": 40}
_TL_DIGITS = {
    "isa": 1, "dalawa": 2, "tatlo": 3, "apat": 4, "lima": 5, "anim": 6, "pito": 7, "walo": 8, "siyam": 9,
}  # fmt: skip
_ES_DIGITS = {
    "uno": 1, "dos": 2, "tres": 3, "kwatro": 4, "kuwatro": 4, "singko": 5, "sais": 6, "siyete": 7, "syete": 7,
    "otso": 8, "nuwebe": 9, "diyes": 10, "onse": 11, "dose": 12, "trese": 13, "katorse": 14, "kinse": 15,
    "disisais": 16, "disisiyete": 17, "disiotso": 18, "disinuwebe": 19, "beinte": 20,
    # (As helpers also spell them: "sa dyes B", "disinuebe D".)
    "dyes": 10, "nuebe": 9, "disinuebe": 19, "disisyete": 17, "siete": 7, "kuatro": 4, "seis": 6, "ocho": 8,
}  # fmt: skip
# The tens as Tagalog says them ("dalawampu", "tatlumpu", "apatnapu") and the teens' first part ("labing-", "labin",
# "labim": "labindalawa", "labing-apat", "labimpito").
_TL_TENS = {"dalawampu": 20, "tatlumpu": 30, "apatnapu": 40, "limampu": 50, "animnapu": 60}
_ENGLISH = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen"
).split()
_ENGLISH_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty"}
_ID_DIGIT = "|".join(sorted(_ID_DIGITS, key=len, reverse=True))
_TL_DIGIT = "|".join(sorted(_TL_DIGITS, key=len, reverse=True))
_ES_UNIT = "|".join(sorted((word for word, value in _ES_DIGITS.items() if value < 10), key=len, reverse=True))
_NUMBER_WORDS = compile_plain(
    # (A Tagalog ordinal's "ika-" goes with it: "ika-labing-apat na palapag" is the fourteenth floor; so does an
    # Ilocano one's "maika-".)
    rf"(?<![a-z-])(?=[a-z])(?:(?:ma)?ika-?)?"
    rf"(?:(?P<id_tens>{_ID_DIGIT}) puluh(?: (?P<id_tens_unit>{_ID_DIGIT}))?|sepuluh|sebelas"
    rf"|(?P<es_tens>beinte|bente|baynte|beynte|trenta|treinta|trentay)(?: y)? (?P<es_unit>{_ES_UNIT})"
    rf"|napulo(?: ug (?P<bs_unit>{'|'.join(_BS_DIGITS)}))?"
    rf"|sangapulo(?: ket (?P<il_unit>{'|'.join(_IL_DIGITS)}))?"
    rf"|(?P<il_tens>{'|'.join(_IL_TENS)})pulo(?: ket (?P<il_tens_unit>{'|'.join(_IL_DIGITS)}))?"
    rf"|(?P<word>{'|'.join(sorted(_WORD_NUMBERS, key=len, reverse=True))})"
    rf"|(?P<id_teen>{_ID_DIGIT}) [bw]elas"  # (Sundanese "dua welas")
    rf"|(?P<tl_tens>{'|'.join(_TL_TENS)})(?:'t|’t| at)?(?: (?P<tl_tens_unit>{_TL_DIGIT}))?"
    rf"|sampu(?:ng)?|labing-?(?P<tl_teen>{_TL_DIGIT})|lab(?:in|im)-?(?P<tl_teen2>dalawa|tatlo|lima|siyam|pito)"
    rf"|(?P<id_digit>{_ID_DIGIT})|(?<!mag )(?P<tl_digit>{_TL_DIGIT})"  # ("mag isa" is alone)
    # The Spanish numbers Tagalog also counts with, after a place word only ("Tower Tres"; "dos and don'ts" stay).
    rf"|(?:{'|'.join(f'(?<={word} )' for word in ('tower', 'block', 'blk', 'building', 'flat', 'unit', 'floor'))})"
    rf"(?P<es_digit>{'|'.join(sorted(_ES_DIGITS, key=len, reverse=True))})"
    # ... or before a flat's letter ("sa dyes B", "sa beinte C").
    rf"|(?P<es_flat>{'|'.join(sorted(_ES_DIGITS, key=len, reverse=True))})"
    r"(?= (?:[b-h]|a(?=\s*(?:[,.!?;)]|$)))(?![a-z0-9'])))(?![a-z-])"
)


def _number_in_english(m: re.Match[str]) -> str:
    """One number of :data:`_NUMBER_WORDS` in English words: "dua puluh satu" -> "twenty one"."""
    word, g = m.group(0), m.group
    if g("id_tens"):
        value = _ID_DIGITS[g("id_tens")] * 10 + (_ID_DIGITS[g("id_tens_unit")] if g("id_tens_unit") else 0)
    elif g("tl_tens"):
        value = _TL_TENS[g("tl_tens")] + (_TL_DIGITS[g("tl_tens_unit")] if g("tl_tens_unit") else 0)
    elif g("id_teen"):
        value = 10 + _ID_DIGITS[g("id_teen")]
    elif g("tl_teen") or g("tl_teen2"):
        value = 10 + _TL_DIGITS[g("tl_teen") or g("tl_teen2")]
    elif g("id_digit"):
        value = _ID_DIGITS[g("id_digit")]
    elif g("tl_digit"):
        value = _TL_DIGITS[g("tl_digit")]
    elif g("es_digit"):
        value = _ES_DIGITS[g("es_digit")]
    elif g("es_flat"):
        value = _ES_DIGITS[g("es_flat")]
    elif g("es_tens"):
        value = (30 if g("es_tens").startswith("tre") else 20) + _ES_DIGITS[g("es_unit")]
    elif g("il_tens"):
        value = _IL_TENS[g("il_tens")] + (_IL_DIGITS[g("il_tens_unit")] if g("il_tens_unit") else 0)
    elif g("word"):
        value = _WORD_NUMBERS[g("word")]
    else:
        bare = re.sub(r"^(?:ma)?ika-?", "", word)  # "ika-sampu" is the tenth
        if bare.startswith(("napulo", "sangapulo")):
            value = 10 + (_BS_DIGITS[g("bs_unit")] if g("bs_unit") else _IL_DIGITS[g("il_unit")] if g("il_unit") else 0)
        else:
            value = {"sepuluh": 10, "sampu": 10, "sampung": 10, "sebelas": 11}[bare]
    if value < 20:
        return _ENGLISH[value]
    tens, unit = divmod(value, 10)
    return _ENGLISH_TENS[tens * 10] + (f" {_ENGLISH[unit]}" if unit else "")


def _glossed(s: str) -> str:
    """``s`` with the Tagalog and Indonesian words of :data:`_GLOSS_WORDS` in English, and their numbers."""
    for words, english, hints in _GLOSSES:
        if hints is not None:
            for hint in hints:  # (a loop, not any() over a generator: this runs some six hundred times a message)
                if hint in s:
                    break
            else:
                continue
        s = words.sub(english, s)
    return _NUMBER_WORDS.sub(_number_in_english, s)


def normalise(text: str) -> str:
    """The matching form of ``text``: ``"３棟５０２　廚房漏水"`` -> ``"3栋502 厨房漏水"``."""
    s = unicodedata.normalize("NFKC", text)
    s = _ZERO_WIDTH.sub("", s)
    if not s.isascii():  # (OpenCC's tables hold no ASCII: it would return an ASCII message as it is, slowly)
        s = _T2S.convert(s).replace("𠮶", "嗰")
        if "瓦" in s:
            s = _TAIWAN_GAS.sub("燃气", s)
        if "梯" in s or "气" in s:
            s = _MISHEARD.sub(lambda m: _MEANT[m.group(0)], s)
    s = _BLANKS.sub(" ", s).strip().lower()
    return _glossed(s) if _GLOSS.search(s) or _NUMBER_WORDS.search(s) else s
