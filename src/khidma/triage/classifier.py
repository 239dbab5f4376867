"""Category classification of free-text reports in any of the ten languages.

The model is a linear classifier (scikit-learn's LogisticRegression) over three kinds of features of the
normalized text (see ``language.normalize``):

- TF-IDF of character n-grams (2–5, inside word boundaries): robust to typos, inflection and script variants;
- TF-IDF of words and word bigrams;
- the concepts of a small curated multilingual lexicon (``CONCEPTS``: pests, animals, garbage, rubble, pipes,
  rain, manholes, lamps, parks, vehicles, graffiti, burial, …), one indicator feature per concept. These carry
  knowledge the few hundred corpus examples cannot: a word learned in one language helps every language.

On top, ``RULES`` settle the borderline cases the municipality defined (cockroaches in a restaurant →
markets_shops, dead animals → cleanliness, a lamp in a park → parks_facilities, …): when a rule's concepts
are all present, its category is moved to the top with at least 0.6 of the probability.

The model trains from the shipped corpus (training split only) in a few seconds at first use and can be
retrained with an installation's own labelled history (``train``). ``save``/``CategoryModel.load`` persist
it with pickle: load only files this installation wrote.
"""

from __future__ import annotations

import itertools
import pickle
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from khidma.triage import corpus
from khidma.triage.language import Lexicon, Match, TfidfSpace, normalize, tokens

__all__ = ["CONCEPTS", "RULES", "CategoryModel", "Prediction", "get_model", "train"]

CATEGORIES = corpus.CATEGORIES

# ---------------------------------------------------------------------------------------------------------
# The concept lexicon. One line per language for the reader; the tag before the colon is documentation only
# (every term is looked for in every text). "rom" is Roman Urdu/Hinglish, "bn-Latn" Banglish. Syntax: terms
# are separated by "|"; "word*" matches words starting with "word"; see language.Lexicon.
# ---------------------------------------------------------------------------------------------------------

CONCEPTS: dict[str, str] = {
    "pest": """
        en: cockroach* | roach | roaches | rat | rats | rodent* | mouse | mice | mosquito* | fly | flies
            | insect* | ant | ants | bedbug* | bed bug* | termite* | flea* | lice | pest* | bugs | wasp*
            | bee | bees | hornet* | fumigat* | pest control
        ar: صرصور* | صراصير* | صراصر* | فار | فيران* | فئران* | جرذ* | جرذان* | بعوض* | ناموس* | ذباب*
            | ذبان* | دبان* | حشرات* | حشره | نمل | النمل | بق | قمل | دبابير* | دبور* | زنابير* | مبيد*
            | مكافحه الحشرات | رش الحشرات | يرشون | ترشون | رشوا | رش
        ur: لال بیگ* | کاکروچ* | چوہ* | مچھر* | مکھی* | مکھیاں | کیڑ* | دیمک | چیونٹی* | سپرے | اسپرے
        rom: cockroach* | machar* | machhar* | macchar* | makhi* | makkhi* | makhiyan | chuha* | chuhe*
            | chuhay | choohe | keede | keeray | keere | keeday | deemak | cheenti* | spray karwa*
            | spray kar*
        hi: कॉकरोच* | कोकरोच* | तिलचट्ट* | चूह* | मच्छर* | मक्खि* | मक्खी* | कीड* | कीट* | दीमक | चींटि*
            | छिडकाव
        fa: سوسک* | موش | موشها | موشا | پشه* | مگس* | حشر* | مورچه* | ساس | سمپاشی* | سم پاشی | مه پاشی
        bn: তেলাপোকা* | আরশোলা* | ইঁদুর* | ইদুর* | মশা* | মাছি* | পোকা* | পিঁপড়া* | উইপোকা*
            | ওষুধ ছিটা*
        bn-Latn: telapoka* | arshola | idur | indur | mosha | moshar | machi | poka | makorsa
        id: kecoa* | kecoak* | tikus* | nyamuk* | lalat* | serangga* | semut* | rayap* | tawon* | lebah*
            | penyemprotan | semprot* | fogging | hama
        ms: lipas* | anai | racun serangga
        tr: hamamböce* | hamam böce* | böcek* | fare | fareler* | fareleri | sıçan* | sivrisinek*
            | sinek* | karınca* | pire* | tahtakurusu* | ilaçla* | haşere*
        fr: cafard* | blatte* | rat | rats | souris | moustique* | mouche* | insecte* | fourmi*
            | punaise* | termite* | guêpe* | abeille* | nuisible* | désinsectisation | dératisation
        all: arı | arısı | eşek arı* | arı yuvası | nest | hive | عش | خلية نحل | چھتہ | छत्ता | মৌচাক
            | sarang tawon | sarang lebah | nid de guêpes
        all: démoustication | piqûre* | bites | bitten | stung | sting* | لدغ* | قرص* | kesengat
            | disengat | digigit | gigitan | ısırd* | soktu | sokmuş | কামড়*
        ur: کیڑے مار | تتیا* | شہد کی مکھی* | مکوڑ*
        bn: বোলতা* | মৌমাছি* | পোকামাকড়* | তেলাপোকার
        fa: زنبور* | سوسکها | حشره کش
        ar: حشره | الحشرات | صرصار* | بعوضه | ناموسه | دبوره
        hi: ततैया | मधुमक्खी* | कीडे मकोडे | कीटनाशक
        all: ছারপোকা* | খটমল | खटमल | کھٹمل | khatmal | kutu busuk | tahtakurusu* | punaise* | bed bugs
        all: موشهای | موریانه* | عنکبوت* | سمپاش | جانوران موذی | نیش زد | نیش زده | نیشش | ইন্দুর*
            | পিঁপড়ে* | পিপড়া* | পিপড়ে* | মাকড়সা* | ভীমরুল* | কীটনাশক* | ফগিং | স্প্রে করেন | স্প্রে করা
            | স্প্রে দেন | ওষুধ স্প্রে | idurer | indurer | machir | mosar | pipra | pipre | pimpra | pipda
            | charpoka | chharpoka | uipoka | moumachi | mowmachi | pokamakor | boltar chak | oshud spray
            | oshudh spray | oshud dite | oshudh dite | spray koren | spray koro
        all: ڈینگی | dengue | डेंगू | چھڑکاؤ | chhidkav | chidkav | chhirkao | chirkao | फॉगिंग | فوگنگ
            | mchr | machron | kakroch | kokroch | lal baig | lal beg | laal baig | chuhon | choohay
            | chooha | keedon | keeron | chintiyan | chyunti | tatiya | bhirr | चींटी | चीटी | चीटियां
            | कॉक्रोच | काक्रोच | मकोडे | छछूंदर | چھچھوندر | स्प्रे करवा* | स्प्रे कर*
        all: فاره | براغيث | برغوث* | قراد | باعوض* | قوارض | مكافحه الافات | يرقات | ديدان | عنكبوت*
            | عناكب | نحل | نحله | vermin | infest* | exterminat* | larva* | larvae | maggot* | spider*
            | housefly | houseflies | mouses
        all: jentik* | belatung | kelabang | lipan | laba laba | pengasapan | demam berdarah | aedes
            | pepijat | tebuan | penyengat | sarang tebuan | makhluk perosak | haiwan perosak | demam denggi
            | denggi | böceğ* | sineğ* | faresi | fareyi | haşarat | kemirgen* | cancrelat* | rongeur*
            | frelon* | dératis* | désinsect* | pulvéris* | moustik* | cafar | cafars | tiques | vermine
            | larves
    """,
    "animal": """
        en: dog | dogs | stray* | a cat | the cat | stray cat* | dead cat | cats | kitten* | snake*
            | scorpion* | pigeon* | bird* | monkey* | baboon* | goat* | sheep | camel* | cow | cows
            | donkey* | animal* | puppy | puppies | rabies | lamb
        ar: كلب* | كلاب* | قطط* | قطه | قطاوه | بسه | بساس | ثعبان* | ثعابين* | افعى | افاعي | عقرب*
            | عقارب* | طيور* | غنم* | ماعز* | اغنام* | خروف* | خرفان | جمل | جمال | حمير* | حمار*
            | حيوان* | قرود | قرد* | سعر الكلب | ذبايح | ذبيحه | اضاحي
        ur: کتا | کتے | کتوں | بلی | بلیاں | بلیوں | سانپ* | بچھو* | کبوتر* | بکری* | بکرا | بکرے
            | اونٹ* | جانور* | گدھ*
        rom: kutta* | kutte* | kuttay | kutton | billi* | saanp | sanp | bichhu | bichu | kabootar*
            | bakri* | bakra | oont | janwar* | janwaro*
        hi: कुत्त* | बिल्ली* | बिल्लिय* | सांप* | बिच्छू* | कबूतर* | बकरी* | बकर* | ऊंट* | गाय | गायें
            | गायों | गधे* | जानवर* | पशु*
        fa: سگ | سگها | سگا | سگهای | گربه* | پشک* | مار | مارها | عقرب* | کبوتر* | بز | گوسفند* | شتر*
            | حیوان*
        bn: কুকুর* | বিড়াল* | বেড়াল* | সাপ | সাপে | সাপের | সাপটা | বিচ্ছু* | কবুতর* | পায়রা* | ছাগল*
            | উট | গরু* | প্রাণী*
            | জন্তু*
        bn-Latn: kukur* | biral* | beral* | shap | bichchu | kobutor* | chagol* | goru
        id: anjing* | kucing* | ular* | kalajengking* | merpati* | burung* | kambing* | unta* | sapi*
            | monyet* | binatang* | hewan*
        ms: lembu* | haiwan* | kala jengking
        tr: köpek* | kedi | kediler* | kedileri | yavru kedi* | yılan* | akrep* | güvercin* | kuş
            | kuşlar* | keçi | keçiler* | koyun* | deve | develer* | hayvan* | başıboş* | kuduz
        fr: chien* | chats | un chat | le chat | chat errant | chaton* | serpent* | scorpion* | pigeon*
            | oiseau* | chèvre* | mouton* | chameau* | animal | animaux | errant* | singe*
        all: köpeğ* | بندر* | میمون* | maymun* | বানর* | बंदर* | kera | سعادين | bandar
        ur: آوارہ* | کتوں کا | بلیوں
        bn: বানর* | বেওয়ারিশ* | কুকুরের | বিড়ালের
        fa: ولگرد* | سگهای | گربه ها
        ar: ضاله | ضالة | سايبه | سائبه | قطاوة | بساس
        hi: आवारा* | लावारिस कुत्त*
        all: سگای | کفتر | کفترها | کفترا | گژدم | گژدمها | پرنده* | کلاغ | کلاغها | الاغ | گاو | گاوها
            | بزها | بزغاله* | مارمولک* | حیوون* | جونور* | پارس میکنن | پارس میکنند | বিলাই* | কুত্তা*
            | বাঁদর* | পাখি | পাখির | পাখিরা | পাখিগুলো | কাক | ভেড়া | ভেড়ার | গাধা | উটের | জানোয়ার*
            | পশু | bilai | shaap | saap | kabutor | payra | pakhi | pakhir | gorur | banor | bandor
            | janoar | janowar | beoarish | beowarish | bewarish
        all: کتیا | چھپکلی* | بھینس* | گائے | گائیں | لومڑی | مویشی | بھونک* | kuton | kutto | kutiya
            | billa | bille | saanpon | sanpon | bichoo | bichhoo | kabutar* | bhains | bhens | chipkali*
            | lomri | janvar* | jaanwar* | jnwr | awara* | aawara* | bhonk* | bhaunk* | कुतिया | बिल्ला
            | बिल्ले | बिच्छु* | कबुतर* | गधा | भैंस | भैंसें | भैंसों | छिपकली* | लोमडी | सांड | सांडों
            | मवेशी | भौंकते | भौंकना | भौंक रहे | बन्दर*
        all: كديس | كديسه | كديسات | كدايس | قطو | حنش | غراب | غربان | تيوس | بعير | ناقه | نياق | البقر
            | بقره | ابقار | مواشي | بهايم | وزغ | بريص | سحالي | سحليه | خفاش | خفافيش | نباح | تنبح | ينبح
            | مسعور* | سعار | ضبع | ضباع | حصان | خيول | crows | horse* | lizard* | gecko* | rabid | feral
            | cattle | livestock | barking | hyena* | sheeps | monkies | donkies
        all: domba | kelelawar | babon | kelawar | babun | beruk | biri biri | kediye | kediyi | kedisi
            | kedinin | kertenkele* | yarasa* | sığır* | inek | inekler | eşek | eşekler | kuzu | babouin*
            | lézard* | margouillat* | vache | vaches | brebis | bétail | dromadaire* | chauve souris
            | corbeau* | vipère*
    """,
    "dead": """
        en: dead | carcass* | rotting | decompos* | roadkill | died on
        ar: ميت | ميته | ميتين | ميتات | نافق* | نافقه | جيفه | جيف | مقتول* | مدهوس* | متحلل* | متعفن*
            | فطيس*
        ur: مرا ہوا | مری ہوئی | مرا پڑا | مری پڑی | مرے ہوئے | مرے پڑے | مردہ* | مردار | سڑ رہ*
        rom: mara | mari | mare | mara hua | mari hui | murda* | murdar
        hi: मरा | मरी | मरे | मृत | मुर्दा | सड रह*
        fa: مرده* | لاشه* | تلف شده
        bn: মরা | মৃত | পচা | পচে
        bn-Latn: mora | poche | pocha
        id: kucing mati | anjing mati | tikus mati | burung mati | kambing mati | ayam mati | bangkai* | busuk
        ms: reput
        tr: ölü | ölmüş | leşi | hayvan leşi | çürü*
        fr: mort | morte | morts | mortes | cadavre* | carcasse* | crevé*
        all: offal | entrails | intestines | animal skins | sheep skins | slaughter remains | كرشه | الكرشه
            | جلود الذبايح | جلود الاضاحي | مخلفات الذبايح | مخلفات الاضاحي | بقايا الذبايح | آلائش*
            | اوجهڑی | قربانی کی باقیات | آنتیں | नाडीभुंडी | आंतें | आंतडियां | जानवरों की खाल
            | নাড়িভুঁড়ি* | ভুঁড়ি | কোরবানির বর্জ্য | পশুর চামড়া | شکمبه | امعا و احشا | پوست گوسفند*
            | jeroan | kulit kambing | kulit lembu | perut kambing | perut lembu | işkembe* | kurban deri*
            | kurban atık* | tripes | abats | peaux de mouton* | peaux des moutons | aantein | antain
            | khalein | khaalein | ojhri | kurban artık* | kesimden kalan | kesiminden kalan
        all: تلف شدن | تلف شد | دل و روده | بقایای قربانی | پوست قربانی | ضایعات قربانی | মরে পড়ে | মরে আছে
            | কুরবানির বর্জ্য | জবাইয়ের বর্জ্য | পশুর বর্জ্য | ভুড়ি | নাড়িভুড়ি* | naribhuri | nari bhuri
            | nari vuri | korbanir borjo | kurbanir borjo | korbanir chamra | poshur chamra | pashur chamra
        all: سڑا ہوا | سڑی ہوئی | سڑ گیا | سڑ گئی | کتے کی لاش | بلی کی لاش | جانور کی لاش | mra hua
            | mri hui | mrda | sada hua | sadi hui | sarra hua | sarri hui | kutte ki lash | kutte ki laash
            | billi ki lash | billi ki laash | janwar ki lash | janwar ki laash | alaish* | aalaish* | ojdi
            | सडा हुआ | सडी हुई | सड गया | सड गई | सडांध | कुत्ते की लाश | बिल्ली की लाश | जानवर की लाश
            | ओझरी
        all: فطست | فطسان* | مفطوس* | فاطس | فاطسه | مدعوس* | دعسها | دعسته | دهسته | دهسها | فرث | مصارين
            | احشاء | احشا | slaughter waste | slaughterhouse waste | sacrifice remains | animal remains
        all: charogne* | putréfaction | chat écrasé | chien écrasé | kedi ölüsü | köpek ölüsü | hayvan ölüsü
            | hayvan ölüleri | leşler* | hayvan cesedi | kedi cesedi | köpek cesedi
    """,
    "food_business": """
        en: restaurant* | kitchen* | cafeteria* | cafe | café | bakery | bakeries | shop | shops | store
            | stores | supermarket* | grocery | groceries | butcher* | buffet | catering | caterer*
            | eatery | canteen* | shawarma | baqala | bakala | juice shop | fast food | cafes | barber*
            | salon | chicken shop
        ar: مطعم* | مطاعم* | مطبخ* | بوفيه* | كافتيريا* | كوفي* | مقهى | مقاهي | مخبز* | مخابز | بقاله*
            | بقالات | سوبرماركت* | سوبر ماركت | هايبر | محل | محلات* | المحل | دكان* | دكاكين | ملحمه*
            | ملاحم | شاورما | كافيه | تموينات | حلاق* | صالون | عصيرات | مشغل*
        ur: ریسٹورنٹ* | ریسٹورینٹ* | دکان* | دوکان* | کچن* | بیکری* | شوارمہ | نائی | ڈھابہ
            | ہوٹل کا کھانا
        rom: restaurant* | resturant* | dukan* | dukaan* | kitchen* | dhaba* | bakery | shawarma
            | nai ki dukan
        hi: रेस्टोरेंट* | रेस्तरां* | रेस्टोरेन्ट* | ढाबा* | ढाबे | रसोई* | किचन* | दुकान* | बेकरी*
            | बकाला* | शॉप | होटल का खाना | नाई
        fa: رستوران* | آشپزخانه* | مغازه* | سوپرمارکت* | نانوایی* | قصابی* | کافه* | فروشگاه* | بقالی*
            | آرایشگاه*
        bn: রেস্টুরেন্ট* | রেস্তোরাঁ* | রেস্তোরা* | দোকান* | রান্নাঘর* | বেকারি* | কিচেন*
            | হোটেলের খাবার | সেলুন | বাকালা*
        bn-Latn: dokan* | resturent* | restaurant* | hotel er khabar | baqala
        id: restoran* | rumah makan | warung* | dapur* | toko* | katering | kantin* | kafe | minimarket*
            | supermarket* | resto | tukang cukur
        ms: kedai* | gerai* | pasar raya | restoran
        tr: restoran* | lokanta* | mutfa* | mutfak* | dükkan* | market* | bakkal* | fırın* | kasap*
            | kafe* | büfe* | yemekhane* | berber*
        fr: restaurant* | cuisine* | boutique* | magasin* | épicerie* | supermarché* | boulangerie*
            | boucherie* | traiteur* | snack* | cafétéria* | cantine* | coiffeur*
        all: نونوایی* | آبمیوه فروشی* | فروشگاه | telefoncu
        ur: دکاندار* | قصائی | بقالہ | ہوٹل والے
        bn: দোকানদার* | হোটেলে | কসাই* | মুদি*
        fa: مغازه دار* | ساندویچی | کبابی | سوپری
        ar: مطاعم | البقاله | المخبز | الملحمه | كافتيريا
        hi: दुकानदार* | कसाई | होटल वाल*
        all: tandoor* | nanbai | تندور* | نانبائی | तंदूर* | baker | bakers | tukang roti | toko roti
            | tukang daging | kedai roti | kedai daging | boulanger* | boucher | bouchers | خباز* | قصاب
            | قصابين | فوال | مخابز
        all: آشپزخونه* | سوپر مارکت | خواربار* | میوه فروشی | لبنیاتی | قنادی* | شیرینی فروشی | مرغ فروشی
            | ماهی فروشی | پیتزا فروشی | اغذیه فروشی | فست فود | کافی شاپ | غذاخوری | چایخانه* | بوفه
            | سلمونی | سلمانی | نانوا | نانواها | نونوا | রেষ্টুরেন্ট* | ক্যাফেটেরিয়া* | ক্যাফে
            | ক্যান্টিন* | বুফে | সুপারমার্কেট* | সুপার মার্কেট | সুপারশপ* | গ্রোসারি* | বাক্কালা* | তন্দুর*
            | শাওয়ারমা* | নাপিত* | খাবার হোটেল | ভাতের হোটেল | khabar hotel | vater hotel | bhater hotel
            | supershop | kosai | koshai | kasai | napit | selun | rannaghor | ranna ghor | rannaghore
            | bekari
        all: ریسٹورانٹ* | ریستوران* | کیفے | کیفیٹیریا* | سپر مارکیٹ* | سپرمارکیٹ* | کریانہ* | جنرل سٹور
            | جنرل اسٹور | بوفے | کینٹین* | hotel ka khana | karyana* | kiryana* | qasai | qasaai | kasai
            | halwai | रेस्टॉरेंट* | रेस्त्रां | किराना* | किराने | जनरल स्टोर | सुपरमार्केट* | सुपर मार्केट
            | कैफे | कैंटीन* | हलवाई* | ढाबों | भोजनालय*
        all: كفتيريا* | كافتريا* | كافيتريا* | مطابخ | فرن | افران | جزار | جزاره | جزارين | ماركت | تميس
            | كنتين | بروست | سوق الخضار | سوق السمك | حلقه الخضار | حلقه السمك | pizzeria* | hypermarket*
            | coffeeshop* | broast* | food stall* | stall | stalls
        all: warteg | swalayan | pasar swalayan | pasaraya | kopitiam | bakeri | pastane* | manav*
            | şarküteri* | kebapçı* | dönerci* | pideci* | kahvehane* | mağaza* | balıkçı* | tatlıcı*
            | restau | restaus | restos | pâtisserie* | maquis | gargote* | dibiterie* | hanout
            | alimentation générale | supérette* | superette* | rôtisserie* | pizzeria* | épicier*
            | poissonnerie* | charcuterie*
    """,
    "food": """
        en: food | meal* | meat | chicken | fish | bread | milk | yogurt | yoghurt | juice | rice
            | vegetables | fruit* | dough | biscuits | sweets | eggs | cooking | cook
        ar: اكل | الاكل | طعام* | وجبات* | وجبه* | لحم | لحوم | دجاج | سمك | خبز | حليب | لبن | عصير*
            | رز | خضار | فواكه | فاكهه | بيض | يطبخ | طبخ
        ur: کھانا | کھانے | گوشت | مرغی | مچھلی | روٹی | دودھ | دہی | جوس | چاول | سبزی | پھل | مٹھائی
        rom: khana | khane | gosht | murgi | machli | roti | doodh | dahi | juice | chawal | sabzi
            | phal | mithai
        hi: खाना | खाने | गोश्त | मांस | चिकन | मछली | रोटी | दूध | दही | जूस | चावल | सब्जी | फल
            | मिठाई | बिस्कुट
        fa: غذا | غذای | گوشت | مرغ | ماهی | نان | شیر | ماست | آبمیوه | برنج | سبزی | میوه | شیرینی
        bn: খাবার* | মাংস | মুরগি | মাছ | রুটি | দুধ | দই | জুস | ভাত | সবজি | ফল | মিষ্টি | বিস্কুট
        bn-Latn: khabar* | mangsho | murgi | mach | ruti | dudh | doi | bhat | sobji | misti
        id: makanan* | daging | ayam | ikan | roti | susu | jus | nasi | sayur* | buah | kue | masak*
        ms: lauk | kuih
        tr: yemek* | çiğ et | kırmızı et | etler | tavuk | balık | ekmek | süt | yoğurt | meyve* | pilav
            | sebze* | tatlı
            | bisküvi
        fr: nourriture | repas | viande | poulet | poisson | pain | lait | yaourt | jus | riz | légumes
            | fruits | gâteaux | biscuits
        all: غذاها | غذاهای | غذاشون | خوراک* | کباب | چلو کباب | ساندویچ* | سالاد | پنیر | গোশত | গোশতের
            | মাংসের | মুরগির | মাছের | রুটির | সবজির | পনির | ডিম | তরকারি* | বিরিয়ানি* | খাদ্য* | রান্না*
            | gosto | macher | murgir | rutir | ponir | torkari | biryani | biriyani | ranna
        all: بریانی | سالن | انڈے | سموسے | سبزیاں | کھانوں | khaana | khaane | ghosht | murghi | machhli
            | sabziyan | sabziyon | biryani | anday | samose | बिरयानी | अंडे | समोसे | सब्जियां | भोजन
            | नाश्ता
        all: ماكولات | اطعمه | معلبات | خضروات | حلويات | مشروبات | لحمه | foods | foodstuff* | snacks
            | sandwich* | burger* | pizza | drinks
        all: minuman | telur | yumurta* | içecek* | gıda | gıdalar* | peynir* | aliments | denrées | œufs
            | boissons | fromage* | bouffe
    """,
    "commerce": """
        en: price* | overcharg* | expired | expiry | licence | license | licensed | unlicensed
            | health card* | receipt | cashier | seller* | vendor* | hawker* | food poisoning | stale
            | spoiled | rotten | scam* | cheat* | weighing | scale | sticker | cart
        ar: سعر* | اسعار* | غالي | غاليه | منتهي الصلاحيه | منتهيه الصلاحيه | صلاحيه | شهاده صحيه
            | شهادات صحيه | بسطات* | بسطه* | باعه | بياع* | متجول* | تسمم* | غش | فاتوره | كاشير | فاسد*
            | خربان | بايت* | عربيه | سجل تجاري | رخصه المحل | رخصه بلديه | معفن*
        ur: قیمت* | مہنگ* | ایکسپائر* | ہیلتھ کارڈ | باسی | خراب کھانا | دھوکہ | ریڑھی*
        rom: qeemat* | keemat* | qimat* | mehnga* | mehenga* | expire* | expiry | health card | basi
            | dhoka | rehri* | thela*
        hi: कीमत* | दाम* | महंग* | एक्सपायर* | बासी | धोखा | ठेले* | रेहडी* | हेल्थ कार्ड | स्टिकर
            | तारीख निकल*
        fa: قیمت* | گران* | تاریخ مصرف | تاریخ انقضا | منقضی | فاسد* | کارت بهداشت | دستفروش*
            | کلاهبرداری
        bn: দাম* | মেয়াদ* | মেয়াদোত্তীর্ণ* | বাসি | পচা খাবার | ফেরিওয়ালা* | হেলথ কার্ড | ঠকা*
        bn-Latn: dam | daam | meyad* | basi | ferriwala | thoka*
        id: harga* | mahal* | kedaluwarsa | kadaluarsa | kadaluwarsa | basi | keracunan | pedagang*
            | penjual* | izin usaha | gerobak
        ms: tamat tempoh | luput | penjaja* | lesen* | kad kesihatan | cekik darah
        tr: fiyat* | pahalı* | son kullanma* | bayat | zehirlen* | seyyar* | işportacı* | satıcı*
            | sağlık kartı | etiket* | kasada* | fazla para | bozulmuş
        fr: prix | cher | chère | chers | périmé* | date de péremption | avarié* | intoxication*
            | vendeur* | marchand* | facture | arnaqu* | étiquette* | caisse | licence | patente
        all: লাইসেন্স* | হকার* | لائسنس* | लाइसेंस* | ruhsatını | telefoncu | آبمیوه فروشی | فروشی
            | نونوایی | হকাররা
        all: vendent | vend | vendeuses | selling | sells | sell | يبيع* | يبيعون | بيع | bech* | बेच*
            | بیچ* | বিক্রি* | satıyor* | satış* | jual* | berjualan | menjual | فروش*
            | health certificate* | sağlık belgesi | sijil kesihatan | sertifikat kesehatan
            | certificat de santé | carte sanitaire | हेल्थ सर्टिफिकेट | ہیلتھ سرٹیفکیٹ
        ur: زائد قیمت | زیادہ پیسے | میعاد ختم | ایکسپائری | بدبودار کھانا
        bn: বেশি দাম | দাম বেশি | মেয়াদ শেষ | পচা
        fa: گرون | گرانفروشی | تاریخ گذشته | کم فروشی
        ar: غلا | غالين | منتهيه | مغشوش | عماله مخالفه
        hi: ज्यादा पैसे | ज्यादा दाम | खराब खाना | एक्सपायरी
        all: گرونه | گرونتر | گرونفروش* | کارت سلامت | گواهی بهداشت | تاریخش گذشته | تاریخ انقضاش
            | تاریخ تیر شده | کپک زده | کپکی | مسمومیت* | دوره گرد | دوره گردها | فاکتور | جواز کسب
            | پروانه کسب | نرخ | نرخها | মূল্য* | ভেজাল* | ফেরিওলা* | হেলথ সার্টিফিকেট | স্বাস্থ্য সনদ
            | স্বাস্থ্য কার্ড | বিষক্রিয়া | ক্যাশিয়ার | ওজনে কম | মাপে কম | বেচাকেনা | bashi khabar
            | pocha khabar | vejal | bhejal | hokar | feriwalla | bikri* | نان بیات | نون بیات
        all: mehng* | mahang* | mhnga | mhngi | mhnge | qeemten | qeemton | kimat | zyada paise
            | ziada paise | zyada paisay | ziyada paise | zada paise | rate zyada | zyada rate | double rate
            | baasi | bassi | kharab khana | khrab khana | ganda khana | dhokha | dhoke | dhokay | thagi
            | thele | khonche | khonchay | pheriwal* | pheri wal* | kam tol | kam tolte | kam tolta
            | milawat* | milaawat* | زیادہ ریٹ | ڈبل ریٹ | دھوکا | دھوکے | ٹھگی | ٹھیلے* | ٹھیلا
            | پھیری والے | خوانچہ* | کم تول* | ملاوٹ* | گلا سڑا | گلی سڑی | मेहंग* | मंहगा | मंहगी | मंहगे
            | ठेला | फेरीवाल* | खोमचे* | ठगी | ठग रहे | लूट रहे | कम तौल* | जादा पैसे | ज्यादा रेट | डबल रेट
            | धोखाधडी | सडा हुआ खाना | मिलावट* | डेट निकल*
        all: تاريخ الانتهاء | تاريخ انتهاء | انتهت صلاحيته | انتهت صلاحيتها | كرت صحي | بطاقه صحيه
            | expiration | out of date | best before | mouldy | moldy | overpric* | expensive | unhygienic
            | peddler* | food poison | fraud
        all: asongan | lapak* | timbangan | curang* | dicurangi | kemahalan | berjamur | vaksin tifoid
            | peniaga* | berniaga | menjaja | berkulat | suntikan tifoid | suntik tifoid | tarihi geçmiş
            | miadı dolmuş | küflü | fahiş | sağlık raporu | portör* | moisi* | vente ambulante | ambulant*
            | truqué* | péremption | escroquer*
    """,
    "cleanliness": """
        en: garbage | trash | rubbish | waste | litter* | bin | bins | dumpster* | container* | dirty
            | filthy | filth | smell* | stink* | sweep* | cleaning | cleaner* | clean | plastic bags
            | benne à ordures
            | not collected | mattress* | old furniture | dumped | dumping
        ar: زباله* | زبايل | نفايات* | قمامه* | قمايم | حاويه* | حاويات* | براميل | برميل* | وساخه
            | وسخ* | قذار* | ريحه* | روايح | رائحه* | كناسه | نظاف* | مخلفات* | اوساخ* | اكياس | كراتين
            | عمال النظافه | رمي | يرمون | رامين | مراتب | اثاث قديم | كب | كبوا
        ur: کچرا* | کچرے | کوڑا* | کوڑے | کوڑادان | گند* | صفائی* | بدبو* | ڈسٹ بن | پھینک*
        rom: kachra* | kachre | koora* | kooda* | kuda | koray | kooray | gand* | gandagi* | safai*
            | safayi | badbu* | badboo* | dustbin* | phenk*
        hi: कचरा* | कचरे | कूडा* | कूडे | कूडादान | गंदगी* | गंदा* | गंदी | गन्दगी | सफाई* | बदबू*
            | डस्टबिन | फेंक* | गद्दे | फर्नीचर
        fa: زباله* | آشغال* | کثیف* | کثافت* | بو میده | بوی بد | بوی تعفن | تمیز* | نظافت* | سطل زباله
            | کیسه زباله | کثافات | جارو* | ریخت* | تخلیه
        bn: ময়লা* | আবর্জনা* | নোংরা* | দুর্গন্ধ* | গন্ধ* | পরিষ্কার* | ডাস্টবিন* | কাচরা | ঝাড়ু*
            | ফেলে*
        bn-Latn: moyla* | moila | nongra | durgondho | gondho | porishkar* | dustbin* | fele*
        id: sampah* | kotor* | bau* | jorok | berserakan | menumpuk | numpuk | petugas kebersihan
            | kebersihan | tempat sampah | tong sampah | dibuang | buang | kasur
        ms: busuk | longgok* | bersihkan | pembersihan | tilam | perabot
        tr: çöp | çöpler* | çöpü | çöpleri | çöpe | çöpte | çöplük* | kirli* | pis | pislik* | koku*
            | kokuyor | temizl* | konteyner* | süpür* | dökmüş* | döktü* | atmış* | eski eşya* | yatak
        fr: poubelle* | ordure* | déchet* | détritus | sale | sales | saleté* | odeur* | puanteur | pue
            | puent | nettoy* | benne* | propreté | balayeur* | déversé* | jeté* | matelas
        all: çöplüğ* | رفتگر* | plastic | bottles | bouteilles | botol* | قوارير | علب | پلاسٹک* | بوتل*
            | بچا ہوا | बोतल* | প্লাস্টিক* | বোতল* | پلاستیک* | بطری* | plastik* | şişeler | poşet*
        all: garbage truck* | rubbish truck* | camion poubelle | camion-poubelle | سياره النظافه
            | كابسه* | truk sampah | lori sampah | कचरा गाडी | صفائی کی گاڑی | ময়লার গাড়ি
            | ماشین زباله | çöp kamyon*
        all: décharge* | dépotoir* | dump | dumping ground | مكب | مكبات | مكب النفايات | مكب نفايات
            | tempat pembuangan | تلنبار
            | çöp yığın*
        ur: کچرا کنڈی | خاکروب* | جھاڑو | ڈھیر | گندا* | گندی | صاف
        bn: ময়লার স্তূপ | স্তূপ | জঞ্জাল* | নোংরামি | সাফ
        fa: بوی گند | رفتگر* | کیسه های زباله | زباله دان* | تلنبار
        ar: تنظيف | نظيف | وصخ | زبالة | كرتون | قذاره | روائح
        hi: ढेर | झाडू | साफ* | गंदगी का
        all: چتلی | چتل | پسماند* | کانتینر* | بو میاد | تعفن | কন্টেইনার* | কনটেইনার* | বর্জ্য* | পরিস্কার*
            | পরিচ্ছন্নতা* | পলিথিন* | ভাগাড়* | ছড়িয়ে ছিটিয়ে | moilar | aborjona* | nogra | jharu
            | jharudar | jhadu | polithin | polythene* | borjo | maila
        all: کچرہ | کچروں | غلاظت | جمعدار | سویپر | شاپر | شاپرز | شاپروں | بو آ رہی | kchra | kchre
            | kchray | kachara | kacra | kude | gnda | gndi | gnde | gndgi | safaai | sfai | sfaai | badbo
            | bdbu | bdboo | boo aa rahi | bu aa rahi | jhadu | jharu | jhaaru | jhaadu | jamadar | jamadaar
            | phaink* | fenkte | fenk diya | fenk dete | phekte | phekta | phek dete | ghalazat | ghilazat
            | गंदे | गन्दा | गन्दी | गन्दे | कुडा | कुडे | कुडेदान | कूडेदान | कचरों | दुर्गंध* | दुर्गन्ध*
            | बदबु | बू आ रही | फैंकते | फैंक दिया | फैंक देते | फेकते | फेक रहे | जमादार | स्वच्छता
            | डस्ट बिन | पॉलीथिन* | प्लास्टिक*
        all: زبال | زبالين | وصاخه | وصخه | عفانه | نتانه | منتنه | كوشه | كناس | كناسين | درامات
            | سلات المهملات | بقايا اكل | stench | odour | odor | wastes | unclean | sanitation | cardboard
            | cartons | diapers | trashes | rubbishes
        all: dibersihkan | membersihkan | bersihin | dibersihin | menyapu | disapu | tukang sapu | pesing
            | hancing | sisa makanan | tidak diangkut | belum diangkut | gak diangkut | tak dikutip
            | belum dikutip | x dikutip | çöpün | çöpten | atıklar* | evsel atık | süprüntü | çöpçü*
            | eski koltuk | eski mobilya | immondices | insalubr* | crasse* | éboueur* | balayage
            | nauséabond* | dépôt sauvage | dépôts sauvages | ramassage | salubrité
    """,
    # The garbage truck that did not come is the cleanliness department's, not an abandoned vehicle.
    "garbage_truck": """
        en: garbage truck* | trash truck* | rubbish truck* | garbage van
        all: سياره النظافه | سيارات النظافه | سياره الزباله | سياره الزبايل | ماشین زباله | ماشین آشغال
            | کچرے کی گاڑی | کچرا گاڑی | kachre ki gaadi | kachre ki gari | kachra gaadi | kachra gari
            | कचरे की गाडी | कचरा गाडी | ময়লার গাড়ি | moylar gari | moyla gari | truk sampah | mobil sampah
            | lori sampah | çöp kamyonu | çöp arabası | camion poubelle | camion des ordures
            | camion d'ordures
        all: کچرا اٹھانے والی گاڑی | کوڑا اٹھانے والی گاڑی | کوڑے کی گاڑی | kachra uthane wali gaadi
            | kachra uthane wali gari | कचरा उठाने वाली गाडी | कूडा गाडी | ময়লা নেওয়ার গাড়ি | ماشین آشغالی
            | camion de ramassage
        all: کامیون زباله | موتر کثافات | موتر زباله | ماشینای زباله | ময়লার গাড়ী | ময়লা গাড়ি
            | ময়লা গাড়ী | ময়লার ট্রাক | আবর্জনার গাড়ি | moylar gaari | moilar gari | moilar gaari
            | moylar truck | moyla truck
        all: kachr* gaadi | kachr* gadi | kachr* gari | kachr* gaari | kchra gadi | kchre gadi | kchre gari
            | kooda gaadi | kooda gari | kude gaadi | kude gadi | kooday gari | safai gaadi | safai gari
            | kachra truck | kachre truck | کچرے گاڑی | کوڑا گاڑی | کوڑے گاڑی | صفائی گاڑی | کچرا ٹرک
            | کچرے ٹرک | कचरे गाडी | कूडे गाडी | सफाई गाडी | कचरा ट्रक | कचरे ट्रक
        all: كابسه | كابسات | الكابس | عربيه الزباله | عربيه الزبالة | عربيه النظافه | سياره القمامه
            | سيارات القمامه | سياره النفايات | شاحنه النفايات | شاحنه القمامه | ونيت النظافه
            | garbage lorry | garbage lorries | rubbish lorry | refuse truck* | waste truck* | garbage car
            | garbage cars | trash car | garbage vehicle* | cleaning truck* | cleaning car
            | compactor truck*
        all: trak sampah | gerobak sampah | çöp kamyon* | çöp araba* | çöp aracı | çöp araçları
            | camion benne | camions benne | camion poubelles | camions poubelles | camions poubelle
            | camion des éboueurs
    """,
    "rubble": """
        en: rubble | debris | construction waste | building waste | gravel | bricks | cement bags
            | renovation waste | broken concrete | sand pile | demolition waste | concrete blocks
        ar: انقاض | مخلفات بناء | مخلفات البناء | مخلفات مباني | مخلفات ترميم | ردم* | طوب | اسمنت
            | كسر خرسانه | بقايا بناء | بقايا ترميم | بلاط مكسر
        ur: ملبہ* | ملبے | اینٹیں | بجری
        rom: malba* | malbe | eenten | bajri
        hi: मलबा* | मलबे | ईंटें | बजरी
        fa: نخاله* | آوار | خاک و نخاله | آجر | مصالح ساختمانی
        bn: ইট | ইটের | রাবিশ* | নির্মাণ বর্জ্য | ভাঙা ইট | সুরকি
        bn-Latn: rabish | it bali | bhanga it
        id: puing* | reruntuhan | sisa bangunan | sisa renovasi | bongkaran | batu bata | semen
        ms: sisa binaan | sisa pembinaan | runtuhan | bahan binaan
        tr: moloz* | hafriyat* | inşaat atığı | inşaat artığı | inşaat atıkları | tuğla*
            | çimento torba*
        fr: gravats | gravat | débris | déblais | déchets de chantier | sacs de ciment | parpaing*
        all: آجرپاره | شن و ماسه | کیسه سیمان | کیسه های سیمان | ضایعات ساختمانی | بلوک سیمانی
            | ماسه و سیمان | বালু | বালির স্তূপ | সিমেন্টের বস্তা | সিমেন্টের ব্যাগ | পাথরকুচি | খোয়া
            | ধ্বংসাবশেষ | কংক্রিটের টুকরা | ভাঙা কংক্রিট | নির্মাণ সামগ্রী | রাবিস | iter tukra | it pathor
            | balu | simenter bosta | cement er bosta | simenter basta | pathor kuchi
        all: ملبا | اینٹوں | اینٹ روڑے | ریت کا ڈھیر | مٹی کا ڈھیر | مٹی کے ڈھیر | سیمنٹ کی بوری* | روڑی
            | mlba | malwa | eentein | entein | inten | inton | eenton | bajree | reet ka dher | ret ka dher
            | mitti ka dher | mitti ke dher | cement ki bori* | gitti | मलवा | मल्बा | ईंट | ईंटों | ईटें
            | ईटों | रेत का ढेर | बालू का ढेर | मिट्टी का ढेर | मिट्टी के ढेर | सीमेंट की बोरि* | गिट्टी
            | रोडी
        all: دبش | سمنت | مخلفات الهدم | مخلفات هدم | مخلفات عمار | مخلفات تشطيب | كسر بلاط | مواد بناء
            | اكوام رمل | كوم رمل | rubbles | brick | piles of sand | pile of sand | heaps of sand
            | building material*
        all: material bangunan | sisa material | tumpukan pasir | gundukan pasir | kerikil | tanah urugan
            | limbah bangunan | pecahan keramik | longgokan pasir | simen | kelikir | serpihan bangunan
            | inşaat artıkları | inşaat malzeme* | kum yığını | çakıl* | briket* | beton parça* | yıkıntı*
            | décombres | remblai* | briques | tas de sable | gravier* | gravois | déchets de construction
            | déchets de démolition
    """,
    "permit": """
        en: permit* | unlicensed | illegal* | without license | without licence | encroach* | unauthori*
            | government land | public land | no license | no licence | extra floor | violation*
        ar: بدون ترخيص | بدون تصريح | بدون رخصه | بلا ترخيص | من غير تصريح | من غير ترخيص | مخالف*
            | تعدي* | تعديات | تعدى | استيلاء | بناء عشوائي | عشوائي* | رخصه بناء | ارض حكوميه
            | اراضي حكوميه | دور اضافي | غرف اضافيه | الارتداد | لوحه رخصه
        ur: بغیر اجازت | بغیر پرمٹ | غیر قانونی* | قبضہ* | ناجائز* | سرکاری زمین | اجازت کے بغیر
        rom: bina permit | baghair permit | bagair ijazat | ghair qanooni | qabza* | kabza*
            | sarkari zameen | illegal* | permit
        hi: बिना अनुमति | बिना परमिट | बिना इजाजत | अवैध* | गैरकानूनी* | कब्जा* | अतिक्रमण*
            | सरकारी जमीन | घेर लिया
        fa: بدون مجوز | بدون پروانه | غیرمجاز* | غیر مجاز* | تجاوز* | تصرف* | اجازه شاروالی | بدون اجازه
            | زمین دولتی
        bn: অনুমতি ছাড়া | পারমিট ছাড়া | অবৈধ* | দখল* | সরকারি জমি
        bn-Latn: permit chara | obaidh | dokhol* | sorkari jomi
        id: tanpa izin | izin bangunan | ilegal | bangunan liar | menyerobot | serobot* | penyerobotan
            | tanah negara | tanah pemerintah
        ms: bangunan haram | tanpa kelulusan | tanpa permit | tanah kerajaan | pembinaan haram
        tr: ruhsatsız* | ruhsat* | kaçak* | izinsiz* | işgal* | devlet arazisi | hazine arazisi
        fr: sans permis | permis de construire | illégal* | empiète* | empiet* | sans autorisation
            | terrain public | domaine public | avancé jusqu
        all: boş arazi* | ارض فضاء | খালি জমি* | zameen | terrain vague | tanah kosong | خالی زمین
            | खाली जमीन | khali zameen
        ur: تجاوزات | غیر قانونی تعمیر | بغیر نقشہ
        bn: অবৈধ নির্মাণ | অবৈধ দখল
        fa: ساخت و ساز غیرمجاز | بدون جواز | جواز ساختمانی
        ar: بناء مخالف | مخالفه بناء | بدون رخصة
        hi: अवैध निर्माण | बिना नक्शा
        all: بی مجوز | مجوز نداره | مجوز ندارن | پروانه ساخت | جواز ساخت | جواز شاروالی | غیرقانونی*
            | زمین شهرداری | زمین عمومی | زمین حکومتی | حریم خیابان | حریم پیاده رو | سد معبر | اشغال معابر
            | اشغال پیاده رو | طبقه اضافه | اضافه بنا | اتاق اضافه | بدون نقشه | تخلف ساختمانی | غصب
            | অনুমতি নাই | অনুমতি নেই | অনুমতি না নিয়ে | অনুমতি ছাড়াই | পারমিট নাই | পারমিট নেই
            | পারমিট ছাড়াই | বেআইনি* | জবরদখল* | সরকারি জায়গা | নকশা ছাড়া | প্ল্যান ছাড়া | বাড়তি তলা
            | অতিরিক্ত তলা | অনুমোদন ছাড়া | অনুমোদনহীন | onumoti chara | onumoti charai | onumoti nai
            | anumoti chara | oboidh | obaidho | oboidho | beaini | be aini | jobordokhol | sorkari jayga
            | sarkari jayga | noksha chara | naksha chara
        all: بلا اجازت | بنا اجازت | بغیر منظوری | منظوری کے بغیر | غیرقانونی* | پرمٹ کے بغیر | سرکاری جگہ
            | بغیر نقشے | نقشے کے بغیر | baghair ijazat | bina ijazat | bina ijaazat | bila ijazat
            | ijazat ke baghair | ijazat ke bina | ghair qanuni | gair kanooni | gair kanuni | ghair kanooni
            | ghairqanooni | gairkanooni | najaiz* | najayaz | sarkari jagah | sarkari zamin
            | sarkari jameen | atikraman | qbza | kbza | bina naqsha | bina naqshe | गैर कानूनी
            | बिना परमिशन | परमिशन के बिना | अनुमति के बिना | इजाजत के बिना | नाजायज* | सरकारी जगह
            | बिना नक्शे | अनधिकृत*
        all: بلا رخصه | بلا تصريح | من غير رخصه | ما عنده رخصه | ما عندهم رخصه | ما عنده تصريح | بدون اذن
            | استولى | استولوا | وضع يد | متعدي* | اشغال الرصيف | اشغال الطريق | احتل الرصيف | احتلال الرصيف
            | غير مرخص | غير مرخصه | غير مرخصين | غير نظامي* | مو مرخص | مو مرخصه | مش مرخص | مش مرخصه
            | ارض الدوله | اراضي الدوله | املاك الدوله | املاك عامه | ارض البلديه | without permission
            | no permission | without approval | trespass* | land grab | land grabbing | grabbed land
            | additional floor | setback*
        all: tidak berizin | tak berizin | tanpa ijin | ijin bangunan | imb | pelanggaran | mencaplok
            | dicaplok | lantai tambahan | tiada kelulusan | pencerobohan | menceroboh | diceroboh
            | binaan haram | rizab jalan | tanah rizab | tingkat tambahan | imar izni | imarsız | iskansız
            | kamu arazisi | belediye arazisi | izin almadan | ihlal* | non autorisé* | anarchique*
            | construction clandestine | constructions clandestines | infraction* | occupation du trottoir
            | occupe le trottoir | occupent le trottoir | étage supplémentaire
    """,
    "construction": """
        en: construction* | building site | fence* | annex | excavator* | concrete pouring | contractor*
            | scaffold* | bulldozer | crane | extension | extended | built | building | house | wall
            | walls | facade | collapse* | crumbling | about to fall | cracked wall*
        ar: بناء | بنيان | عماره* | عمائر | ملحق* | سور | السور | مقاول* | صبه | صب خرسانه | شبك | هدم
            | ترميم | اعمار | عمار | شقق | اضافه دور | حفار | شيول | سقالات | موقع بناء | بيت | بيوت
            | جدار* | جدران | حوش | حيشان | آيل للسقوط | يطيح | طاح | انهيار | انهار | متشقق* | مبني
            | يبنون | يبني | مظله* | مظلات | مستودع
        ur: تعمیر* | عمارت* | مکان | گھر | دیوار* | گر گئ* | گرنے | چھت
        rom: tameer* | construction* | building* | naqsha | makan | ghar | deewar* | diwar* | gir gay*
            | girne | chhat
        hi: निर्माण* | इमारत* | बिल्डिंग* | मकान* | घर | दीवार* | गिर ग* | गिरने | छत | चारदीवारी
            | गोदाम | शेड | रेलिंग
        fa: ساخت و ساز | ساختمان* | خانه | خونه | دیوار* | ریزش* | فرو ریخت* | سقف | ساخت | می سازن*
            | داربست*
        bn: নির্মাণ* | বিল্ডিং* | ভবন* | বাড়ি | বাড়ির | দেয়াল* | দেওয়াল* | ভেঙে পড়* | ছাদ
        bn-Latn: building* | bari | barir | deyal* | chad | nirman*
        id: konstruksi* | proyek* | pembangunan* | bangunan* | rumah | tembok* | dinding* | roboh*
            | runtuh* | ambruk* | pagar* | atap
        ms: pembinaan* | projek* | kontraktor* | binaan
        tr: inşaat* | bina | binanın | binada | binaya | binayı | binamız* | yapı | ev | evin | duvar*
            | çöktü | çökmek | yıkıl* | çatı* | iskele
        fr: construction* | chantier* | immeuble* | bâtiment* | maison* | mur | murs | muret | façade*
            | effondr* | clôture* | toit | échafaudage*
        all: کنکریٹ* | concrete* | beton* | betoniyer* | مشین | baraka | barakalar* | gecekondu
            | kulübe* | شينكو | صندقه | টিনের ঘর | tin shed* | shack* | झोपडी* | جھونپڑی* | pondok liar
            | cabane* | baraque* | teneke*
        all: gedung* | kren | konkrit | mesin konkrit | crane* | grue* | vinç*
        ur: منزل | خستہ حال | پلاٹ | عمارت کی | مستری
        bn: তলা | ঝুঁকিপূর্ণ | প্লট* | নির্মাণকাজ
        fa: طبقه | ساختمان نیمه کاره | خطر ریزش | بنایی
        ar: مبنى | مباني | تشققات | عماير | دور | ادوار
        hi: मंजिल | जर्जर | प्लॉट | मिस्त्री
        all: ساختمون* | دیوال* | میسازن* | میسازه | ساختن | پیمانکار* | بیل مکانیکی | لودر | بولدوزر
            | جرثقیل* | مخروبه* | ویرانه* | پشت بوم | پشت بام | پشتبام | میلگرد | بتون | بتنریزی | فنس
            | نرده | نردهها | آپارتمان* | حویلی | বাড়ী | দালান* | কন্ট্রাক্টর* | ঠিকাদার* | মিস্ত্রি*
            | রাজমিস্ত্রি* | ছাউনি | শেড | প্রাচীর* | ধসে | ধস | হেলে পড়েছে | হেলে গেছে | জরাজীর্ণ | ক্রেন*
            | এক্সকাভেটর* | বুলডোজার* | রেলিং | বেড়া | বেড়ার | dewal | deoal | mistri | thikadar | bhobon
            | dhose porse | dhose poreche | dhoshe | railing
        all: بلڈنگ* | ٹھیکیدار* | منہدم* | مکانات | چاردیواری | خستہ | taameer* | imarat* | imaarat*
            | bilding | makaan | deewaar* | diwaar* | dewar | deevar | chhatt | gir gai | gir gya
            | thekedar* | thekidar | mistri | chardiwari | khasta haal | khasta hal | jarjar | दिवार*
            | दीवाल* | भवन | भवनों | ठेकेदार* | कंस्ट्रक्शन* | बिल्डर* | ढह गई | ढह गया | ढहने | बाउंड्री*
            | खस्ता हाल | खस्ताहाल | छज्जा | छज्जे
        all: عمارات | فيلا | فلل | منازل | مستودعات | هنجر | هناجر | صنادق | تصدع | تصدعات | متصدع* | خرسانه
            | زنك | اسوار | شبوك | حيطه | حيطان | حايط | يعمرون | سقاله | كرين | houses | villa | villas
            | roof | rooftop* | dilapidated | demolish* | build | warehouse* | shed | sheds | canopy
            | canopies
        all: rumahnya | membangun | dibangun | renovasi | gudang | alat berat | ekskavator | ubahsuai
            | bumbung | pengubahsuaian | binalar* | binası | binasının | apartman* | müteahhit* | müteahit*
            | şantiye* | çökme | çökecek | tadilat* | bâtisse* | maçonnerie | menace de tomber
            | menace ruine | délabré* | vétuste* | écroul*
    """,
    "noise": """
        en: noise | noisy | loud | cant sleep | can't sleep
        ar: ازعاج | ضجيج | صوت عالي | ما نقدر ننام | نقدر ننام
        ur: شور | آواز
        rom: shor | awaz | aawaz | sona mushkil | neend
        hi: शोर | आवाज* | सोना मुश्किल | नींद
        fa: سر و صدا | صدا | خواب
        bn: শব্দ | আওয়াজ | ঘুম
        bn-Latn: shobdo | awaj | ghum
        id: bising | berisik | suara keras | tidak bisa tidur | gak bisa tidur
        ms: bising | tak boleh tidur
        tr: gürültü* | ses | uyuyamıyor*
        fr: bruit* | bruyant* | dormir
        all: سروصدا | بخوابیم | بوق | بلندگو* | হইচই | হৈচৈ | চিৎকার* | শব্দে | ঘুমাতে | মাইক | হর্ন
            | গান বাজনা | sobdo | ghumate | ghumaite | chillachilli | chechamechi | hoichoi
        all: awaaz | aawaaz | شورغل | शोरगुल | हल्ला | हंगामा | लाउडस्पीकर
        all: ازعاجات | دوشه | مكبرات صوت | noises | loudspeaker* | shouting
        all: bingit | tapage* | vacarme
    """,
    "water_network": """
        en: pipe* | water main | sewage | sewer* | septic | no water | water cut | water pressure
            | water supply | water meter | valve | water company | water tank*
        ar: ماسوره* | مواسير* | مواصير | ماصوره* | انبوب* | انابيب* | صرف صحي | الصرف الصحي | مجاري*
            | بياره* | بيارات | انقطاع المياه | انقطاع الماء | الموية مقطوعه | المويه مقطوعه
            | ما فيه موية | ما فيه مويه | ضعف المياه | ضغط المويه | ضغط الماء | ضغط المياه | عداد
            | شركه المياه | المياه الوطنيه | غرفه تفتيش
        ur: پائپ* | پانی کی لائن | سیوریج* | پانی نہیں | پانی بند | پریشر | نل
        rom: pipe* | sewerage | sewage | pani nahi | paani nahi | pani ki line | paani ki line
            | pressure | nal
        hi: पाइप* | सीवर* | सीवेज* | पानी नहीं | पानी की लाइन | प्रेशर | पानी बहुत धीमा | पानी कम | नल
        fa: لوله* | فاضلاب* | آب قطع | قطعی آب | آب نیست | فشار آب | کنتور | شیر آب
        bn: পাইপ* | পয়ঃনিষ্কাশন* | স্যুয়ারেজ* | সুয়ারেজ* | নর্দমা* | পানি নাই | পানি নেই | পানির লাইন
            | কল
        bn-Latn: pipe* | sewerage | pani nai | panir line
        id: pipa* | air mati | air tidak mengalir | air tidak keluar | limbah* | septic tank
            | saluran pembuangan | air kotor | meteran air | pdam | keran
        ms: paip* | air tak ada | tiada air | bekalan air | kumbahan | pembetung* | takde air | pili
        tr: boru* | kanalizasyon* | lağım* | atık su | su kesintisi | sular kesik | su yok | su gelmiyor
            | su basıncı | vana* | musluk*
        fr: canalisation* | tuyau* | égout* | eaux usées | coupure d'eau | pas d'eau | pression d'eau
            | conduite d'eau | compteur d'eau | vanne | robinet*
        all: آب نداریم | آب نداره | بی آبی | su akıyor
        all: pis su | air kotor | गंदा पानी | گندا پانی | ময়লা পানি | مياه صرف | مويه مجاري | eau sale
            | tekanan air | air lemah | پانی کا پریشر | basınç
        ur: پانی کا کنکشن | پانی نہیں آ رہا | پانی کی سپلائی
        bn: পানির সংযোগ | পানি আসে না | পানির চাপ
        fa: آب لوله کشی | لوله آب | فشار آب کم
        ar: المويه مقطوعه | الماء مقطوع | مويه البلديه | وايت
        hi: पानी नहीं आ रहा | पानी की सप्लाई | पानी का कनेक्शन
        all: ما عندنا مويه | ما عندنا ماء | مافيه مويه | مافي مويه | gak ada air | nggak ada air
            | tidak ada air | tak ada air | evde su yok | sular yok | آب نمیاد | پانی نہیں آیا | पानी नहीं आया
            | পানি আসে নাই | pani ashe na | paani nahi aaya | pani nahi aaya
        all: آب قطعه | قطع آب | کم آبی | آب نداشتیم | منبع آب | مخزن آب | تانکر آب | تانک آب | ذخیره آب
            | شبکه آب | شرکت آب | آبفا | آبرسانی | چاه جذبی | سپتیک | شیر فلکه | شیردهن | گنداب*
            | পানির মিটার | পানির ট্যাংক | পানির ট্যাঙ্ক | পানির ট্যাংকি | পানির ট্যাঙ্কি | কলের পানি
            | ট্যাপ | ভালভ | সিউয়ারেজ* | সেপটিক* | পানি বন্ধ | পানি আসছে না | পানি আসতেছে না
            | পানি পাচ্ছি না | পানির কোম্পানি | লাইনের পানি | pani nei | pani asena | pani ashena
            | pani ashche na | pani ashtese na | panir company | pani bondho | pani bondo | panir chap
            | panir meter | panir tank
        all: سیورج* | نالی | نالیاں | ٹونٹی | پانی کی ٹینکی | ٹینکر | پانی غائب | پانی کی قلت | pani nhi
            | paani nhi | pani nahin | paani nahin | pani band | paani band | pani ki supply
            | paani ki supply | pani ki kami | paani ki kami | ganda pani | ganda paani | gnda pani
            | gutter ka pani | naali | naliyan | tonti | pani ki tanki | paani ki tanki | पानी बंद
            | पानी नही | पानी गायब | पानी की किल्लत | पानी की कमी | पानी की टंकी | टंकी | टैंकर | नाली
            | नालियां | नालियों | गटर का पानी | जल आपूर्ति | जलापूर्ति | पेयजल | टोंटी | पाईप | पाईपलाइन
        all: خط المويه | خط المياه | خطوط المياه | خط الماء | المياه مقطوعه | قطع المويه | قطع المياه
            | انقطاع المويه | انقطاع الميه | الميه مقطوعه | الميه قاطعه | مفيش ميه | المويه قاطعه
            | المويه ما جات | الحنفيه | حنفيات | شبكه المياه | شبكه الصرف | خط الصرف | خطوط الصرف
            | خزان المويه | خزان الماء | خزان المياه | خزانات المياه | مياه التحليه | وايتات | بايب | بايبات
            | water line | water lines | waterline* | plumbing | water connection | water outage
            | water shortage | water interruption | water tap | water taps | faucet* | water mains
            | wastewater | nwc
        all: paralon | ledeng | air gak keluar | air ga keluar | air nggak keluar | air tidak ada
            | air gak ada | air ga ada | tandon | tangki septik | air takde | air x ada | xde air
            | x ada air | air putus | tangki air | meter air | sular kesildi | su kesildi | sular gelmiyor
            | suyumuz yok | şebeke suyu | su şebeke* | su sayacı | su deposu | su hattı | foseptik*
            | fosse septique | assainissement | plus d'eau | sans eau | manque d'eau | eau coupée
            | pénurie d'eau | château d'eau | citerne* | réservoir d'eau | branchement d'eau | réseau d'eau
    """,
    "leak": """
        en: leak* | burst pipe* | pipe burst* | pipe has burst | overflowing sewage | sewage overflow*
            | gushing | broken pipe* | pipe broken | pipe is broken | sewage overflowing
            | sewage flowing | sewer overflow*
        ar: تسريب* | تسرب* | تهريب* | انفجر* | انفجار ماسوره | ماسوره مكسوره | مواسير مكسوره
            | ماسوره مويه مكسوره | طفح* | طافح* | يطفح | تطفح | طفحان | فيضان المجاري | تشخ
        ur: لیک | لیکیج | پائپ پھٹ* | لائن پھٹ* | گٹر ابل* | ابل رہا | ابل رہی
        rom: leak* | pipe phat* | line phat* | ubal raha | ubal rahi | gutter ubal*
        hi: लीक* | पाइप फट* | पाइपलाइन फट* | लाइन फट* | उबल रह* | गटर उबल*
        fa: نشت* | نشتی | لوله ترکید* | لوله شکست* | سرریز* | فاضلاب زده بیرون | پس زده
        bn: লিক* | পাইপ ফেটে* | লাইন ফেটে* | উপচে*
        bn-Latn: leak* | pipe fete | upche
        id: bocor* | pipa pecah | pipa bocor | limbah meluap | got meluap | septic tank meluap
        ms: paip pecah | paip bocor | kumbahan melimpah | pembetung melimpah
        tr: sızıntı* | sızdır* | boru patla* | patlak boru | borusu patla* | taşıyor | taştı | taşıp
        fr: fuite* | déborde* | canalisation cassée | tuyau cassé | conduite cassée | tuyau éclaté
            | conduite éclatée | canalisation éclatée | tuyau percé
            | conduite percée
        all: taşmış | taşma* | meluap keluar | air kotor meluap
        all: چکه | چکه میکنه | لولهها ترکید* | لولهاش ترکید* | شکستگی لوله | آب هدر | هدر میره
            | فاضلاب بیرون زده | آب میزنه بیرون | سر ریز | فوران* | পাইপ ফুটো | ফুটো হয়ে | পাইপ ফাটা
            | পাইপ ভেঙে | পাইপ ভাঙা | পাইপ ভাঙ্গা | পানি বের হচ্ছে | পানি বের হইতেছে | পানি নষ্ট | চুইয়ে
            | চোয়াচ্ছে | উপছে | pipe fatse | pipe fata | pipe vanga | pipe bhanga | pipe futo
            | pani ber hocche | pani ber hoitese | upchese | upchay | upchaiya | upchiye
        all: لیکج | رس رہا | رس رہی | ٹپک رہا | ٹپک رہی | پانی ضائع | پائپ ٹوٹ* | ابل گیا | ابل گئے | ابلنے
            | pipe toota | pipe tooti | pipe tuta | pipe tuti | pipe toot | line toot | line tooti
            | ubl raha | ubal gaya | ubal gya | ubal rha | ubal rhi | ubalna | gatar ubal*
            | gutter overflow* | tapak raha | tapak rahi | ris raha | ris rahi | pani zaya | paani zaya
            | पाइप टूट* | पाइपलाइन टूट* | रिसाव | रिस रह* | टपक रह* | पानी बर्बाद | पानी व्यर्थ | ओवरफ्लो
            | उफन रह* | गटर उफन* | उबल गया
        all: ماسوره ضاربه | مواسير ضاربه | ماسوره مضروبه | ماسوره ضربت | كسر ماسوره | مجاري فايضه
            | بياره فايضه | تهرب | نشع | رشح | تنقيط | يقطر | هدر المياه | هدر المويه | اهدار المياه
            | ضياع المياه | water wastage | wasting water | water wasting | seepage | seeping | busted pipe
            | busted pipes | cracked pipe | cracked pipes | pipe cracked | damaged pipe | damaged pipes
            | manhole overflow* | overflowing manhole*
        all: rembes* | merembes | pipa patah | pipa jebol | air muncrat | muncrat | kebocoran | paip meletup
            | air memancut | lurang melimpah | su kaçağı | lağım patla* | kanalizasyon patla* | fışkır*
            | sızıyor | sızmış | refoul* | tuyau crevé | canalisation crevée | conduite crevée | jaillit
    """,
    "utility": """
        en: power cut | power outage | no electricity | blackout | transformer* | electric cable*
            | power line* | high voltage | telecom* | internet | landline | fiber | fibre | electricity
            | electric box | junction box | cabinet | telephone company | electrocuted | electric shock
        ar: انقطاع الكهرباء | الكهرباء مقطوعه | كهرباء | كهربا | محول* | محولات | كيبل* | كيابل
            | اتصالات | انترنت | النت | الياف | شركه الكهرباء | تيار عالي | ضغط عالي | ماس كهربائي
            | صندوق توزيع | كبينه* | سلك كهرب* | التلفون
        ur: بجلی* | ٹرانسفارمر* | انٹرنیٹ | لائٹ چلی گئی | لوڈ شیڈنگ | کرنٹ
        rom: bijli* | transformer* | internet | light chali gayi | load shedding | current | landline
            | light gayi | light gai | light chali gai | light nahi hai | light nahi aa rahi
        hi: बिजली* | ट्रांसफार्मर* | ट्रांसफॉर्मर* | इंटरनेट | लैंडलाइन | टेलीफोन | केबिन | करंट
        fa: برق | قطعی برق | برق رفته | ترانس* | ترانسفورماتور* | کابل* | اینترنت | مخابرات | برق گرفت*
        bn: বিদ্যুৎ* | কারেন্ট* | ট্রান্সফরমার* | ইন্টারনেট | লোডশেডিং
        bn-Latn: current* | bidyut | transformer* | internet
        id: listrik* | trafo* | kabel* | tiang listrik | internet | telkom | pln | mati lampu | kesetrum
            | tersetrum
        ms: elektrik | bekalan elektrik | tnb | kabel | renjatan elektrik
        tr: elektrik* | trafo* | kablo* | internet | telefon hattı | elektrik kesintisi | elektrik çarp*
        fr: électricité | coupure de courant | courant | transformateur* | câble* | fil électrique
            | internet | panne de courant | électrocut* | coffret électrique
        all: ٹیلی فون* | ٹیلیفون* | টেলিকম* | ইলেকট্রিক* | বিদ্যুতের তার | শক | telekom*
            | elektrik şirket* | ٹیلی کام | টেলিফোন*
        ur: بجلی بند | بجلی نہیں | بجلی کی تار* | گیس
        bn: বিদ্যুৎ নেই | কারেন্ট নেই | বিদ্যুতের খুঁটি
        fa: برق قطع | قطع برق | سیم برق | تیر برق
        ar: الكهربا | انقطاع الكهربا | عمود الكهرباء | الكهرباء طافيه
        hi: बिजली नहीं | बिजली गुल | बिजली का तार*
        all: الكهربا طافيه | الكهرباء طافيه | الكهربا مقطوعه | كهرباء مقطوعه | কারেন্ট নাই | বিদ্যুৎ নাই
            | current nai | current nei | bijli gayab | बिजली गायब | بجلی غائب | برق ساختمون | برق نداریم
            | listrik padam | listrik mati | bekalan elektrik terputus | elektrik terputus | elektrik yok
            | elektrikler kesik | pas de courant | plus de courant
        all: karent | biddut | বিদ্যুতের বক্স | electric box* | electricity box* | meter box*
        all: سیم لخت | سیم کشی | برقا | برقها | کافو | বিদ্যুত* | বৈদ্যুতিক* | খোলা তার | ঝুলন্ত তার
            | মিটার বক্স | মিটারের বক্স | ট্রান্সফর্মার* | শর্ট সার্কিট | স্পার্ক* | bidyuter | bidduter
            | bidut | khola tar | jhulonto tar | electric tar | short circuit | loadshedding
        all: ننگی تار* | کھلی تار* | لوڈشیڈنگ | شارٹ سرکٹ | چنگاری* | بتی گل | bijlee | bjli | bijly
            | loadshedding | load shading | nangi taar* | nange taar | khuli taar* | khule taar
            | short circuit | shot circuit | chingari* | light gyi | light chali gyi | batti gul | wapda
            | ptcl | ट्रांसफर्मर* | नंगे तार | नंगी तार* | खुले तार | खुली तार* | शॉर्ट सर्किट | चिंगारी*
            | लाइट चली ग* | बत्ती गुल | विद्युत* | केबल | पावर कट
        all: النور قاطع | النور مقطوع | النور قاطعه | كهربائي* | طبلون | طبلونات | مكهرب* | اسلاك مكشوفه
            | اسلاك عاريه | فايبر | برج جوال | ابراج جوال | كبل | no power | power failure | power off
            | power gone | power supply | live wire | live wires | exposed wire | exposed wires
            | electric wire | electric wires | electrical wire | electrical wires | electric pole
            | electric poles | substation* | wifi | stc
        all: setrum | korsleting | konslet* | gardu* | byarpet | pencawang | litar pintas | cereyan
            | kısa devre | délestage* | compteur électrique | court circuit | haute tension
            | fils électriques | fils dénudés
    """,
    "rain": """
        en: rain | rains | raining | rained | rainwater | rainy | storm* | downpour
        ar: مطر | مطره | تمطر | امطرت | امطار* | الامطار | ممطر* | سيول* | سيل | السيل
        ur: بارش* | سیلاب* | برسات*
        rom: barish* | baarish* | barsaat* | barsat* | sailab*
        hi: बारिश* | बरसात* | बाढ*
        fa: باران* | بارون* | سیل | سیلاب*
        bn: বৃষ্টি* | বন্যা*
        bn-Latn: brishti* | bristi* | bonna
        id: hujan*
        ms: hujan lebat | ribut
        tr: yağmur* | sağanak* | sel | seli | sele | selde
        fr: pluie* | orage* | pluvial* | pluviales | averse*
        ur: بارش کا پانی | بارشوں
        bn: বৃষ্টির পানি | বৃষ্টিতে
        fa: بارندگی* | آب باران
        ar: مويه المطر | ماء المطر | الامطار
        hi: बारिश का पानी | बारिशों
        all: رگبار* | طوفان | تگرگ | بارید | باریده | میباره | বিষ্টি* | ঝড় | ঝড়ের | ঝড়বৃষ্টি | বর্ষা*
            | bisti | bishti | borsha | bonnya
        all: طوفان* | ژالہ باری | brsaat | brsat | barsh | brish | toofan* | tufan* | toofaan* | selab*
            | seelab | saylab | बरिश | वर्षा* | मूसलाधार | तूफान* | बारीश*
        all: مطرت | يمطر | زخات | عاصفه | عواصف | رعد | rainfall | drizzl* | thunder* | monsoon
        all: gerimis | badai | yağış* | fırtına* | pleut | pleuvoir | pleuvait | intempéries | tempête*
    """,
    "pooling": """
        en: flood* | puddle* | pool | pond | lake | waterlogg* | torrent* | stagnant | standing water
            | stormwater | storm drain* | drainage | knee deep | submerged | water entered
            | into the houses | river
        ar: غرق* | تجمع مياه | تجمع المياه | تجمع الماء | تتجمع | مستنقع* | بحيره | بركه | مويه راكده
            | مياه راكده | ماء راكد | عباره | عبارات | تصريف* | للركبه | دخلت البيوت | شفط
            | مقفول بالمويه | واقفه
        ur: پانی کھڑا | پانی جمع | ڈوب* | جھیل | تالاب | دریا بن
        rom: pani khara | paani khara | pani khada | paani khada | pani jama | paani jama | jheel
            | talab | dariya ban | nadi ban | pani nikalne
        hi: पानी भर* | जलभराव* | पानी जमा | झील* | पानी खडा | नदी बन | पानी निकलने | डूब*
        fa: آبگرفتگی* | آب گرفتگی | آب جمع | آب گرفته | برکه* | آب ایستاده | دریاچه | زیر آب
        bn: জলাবদ্ধ* | পানি জমে | পানি জমা | পানি জমেছে | জলমগ্ন* | ডুবে*
        bn-Latn: pani jome | pani jomse | dube
        id: banjir* | kebanjiran | tergenang* | genangan* | kolam | danau | terendam | selokan mampet
        ms: bertakung* | takung* | air bertakung | banjir kilat
        tr: su baskını | su birik* | birikinti* | göl oldu | göle döndü | su bas* | su doldu
            | suyla dol* | su altında
        fr: inond* | flaque* | eau stagnante | eaux pluviales | eau de pluie | mare | lac | torrent*
            | évacuation
        ur: نکاسی* | جوہڑ | پانی جمع ہو
        bn: জলাবদ্ধতা | নিষ্কাশন* | ড্রেনেজ | হাঁটু পানি
        fa: آب جمع شده | زهکشی | آب گرفته
        ar: تجمع | تجمعات | مستنقعات | ماء متجمع
        hi: पानी निकासी | निकासी | जल निकासी
        all: آب مونده | آب مانده | آب راکد | تا زانو | تا زانوی | آب اومده تو | آب رفته تو | آب اومد تو
            | گل و لای | مسیل | مسیلها | آبروها | آبروهای | پلچک | পানি আটকে | পানি আটকা | পানি ঢুকছে
            | পানি ঢুকে | পানি ঢুকেছে | কোমর পানি | পুকুর* | নদী হয়ে | ড্রেন বন্ধ | ড্রেন আটকা
            | ড্রেন জ্যাম | পানি সরে না | পানি নামে না | পানি নামছে না | পানি সরছে না | pani jomche
            | pani atke | pani atka | pani dhukse | pani dhukche | pani dhuke | hatu pani | pukur
            | pani sore na | pani name na | drain bondho | drain bondo | drain atka
        all: کھڑا پانی | پانی بھر* | گھٹنوں تک پانی | گھروں میں پانی | پانی گھس* | نالے بند | نالہ بند
            | برساتی نالے | khara pani | khada pani | khda pani | pani bhar | pani bhara | paani bhar
            | paani bhara | pani khra | pani jma | pani ghus* | paani ghus* | gharon mein pani | ghutno tak
            | ghutnon tak | talaab | darya ban | nala band | nale band | nikasi | nikaasi | jal bharav
            | jalbharav | jal bhraav | खडा पानी | जल भराव | जलजमाव | जल जमाव | पानी जमाव | तालाब | घुटनों तक
            | घरों में पानी | पानी घुस* | नाला जाम | नाले जाम | नाली जाम | नाला बंद | नाले बंद
            | पानी का जमाव
        all: مويه متجمع* | مياه متجمع* | راكده | راكد | بحيرات | برك مياه | برك ماء | فيضانات | مغموره
            | مليانه مويه | مليانه ميه | مليانه مياه | مجرى السيل | مجرى السيول | مجاري السيول
            | مصارف الامطار | مصارف السيول | المويه دخلت | المياه دخلت | water logging | water logged
            | water accumulat* | accumulated water | water collected | water collecting | water standing
            | stagnat* | inundat* | swamp* | ankle deep | waist deep | drown* | underwater | under water
        all: menggenang | got mampet | got tersumbat | selokan tersumbat | becek | selutut
            | longkang tersumbat | longkang sumbat | longkang tersekat | parit tersumbat | parit sumbat
            | lopak | tenggelam | mazgal* | dere taş* | çamur* | diz boyu | göllenme | drenaj | caniveau*
            | eaux stagnantes | stagn* | avaloir* | oued | boue | jusqu'aux genoux
    """,
    "manhole": """
        en: manhole* | bouche d'égout* | bouches d'égout* | drain opening | sewer hole | inspection chamber
            | drain cover* | open hole
            | uncovered hole
        ar: بالوعه* | بلاعه* | بلاليع | منهول* | منهل* | مناهيل | غرفه تفتيش | فتحه تصريف | فتحه الصرف
            | فتحه مجاري | غطاء الصرف | غطاء المجاري
        ur: مین ہول* | گٹر* | ڈھکن*
        rom: manhole* | gutter* | dhakkan* | dhakan*
        hi: मैनहोल* | गटर* | ढक्कन* | ढकन*
        fa: منهول* | دریچه* | آدمرو* | درپوش*
        bn: ম্যানহোল* | ঢাকনা*
        bn-Latn: manhole* | dhakna*
        id: lubang got | gorong* | lubang saluran | lubang kontrol | tutup got | tutup saluran
            | tutup selokan | manhole
        ms: penutup longkang | penutup lurang | lurang | penutup pembetung
        tr: rögar* | logar* | menhol* | kapak* | kapağı*
        fr: regard | bouche d'égout | plaque d'égout | trou d'homme | tampon d'égout | couvercle*
        all: درب چاه | دهانه چاه | چاه فاضلاب | چاهک | من هول | মেনহোল* | ম্যান হোল | স্লাব* | ঢাকনি
            | man hole | dhakni | dakna
        all: مینہول* | gatar | gattar | main hole | man hole | मेनहोल* | मैन होल | मेन होल
        all: مناهل | بلوعه* | بلاعات | بالوعات | فتحه صرف | فتحات صرف | فتحات مجاري | غطاء صرف | غطاء مجاري
            | غطا صرف | غطا مجاري | غطاء بياره | غطا بياره | فتحه بياره | غطاء تصريف | غطا تصريف
            | حفره مجاري | حفره صرف | man hole | man holes | sewer cover* | sewage cover* | drain hole
            | drain holes | drainage hole | drainage holes | drain grate* | drain lid | sewer lid
            | sewer opening*
        all: penutup got | penutup saluran | bak kontrol | riol | tutup longkang | jeriji longkang
            | plaques d'égout | tampons d'égout | grille d'égout | grilles d'égout | trou d'égout
            | bouche dégout | bouches dégout
    """,
    "cover_missing": """
        en: cover* | lid | lids | open | uncovered | missing | without | no cover
        ar: غطاء* | غطا | مفتوح* | مكشوف* | بدون غطاء | بلا غطاء | مافيه غطاء | مسروق* | مكسور*
        ur: ڈھکن* | ڈھکنا | کھلا* | کھلی | غائب
        rom: dhakkan* | dhakan* | khula* | khuli | gayab | ghaib | nahi hai
        hi: ढक्कन* | खुला* | खुली | गायब
        fa: درپوش* | باز | بدون در | نداره | سرپوش*
        bn: ঢাকনা* | খোলা* | নাই | নেই
        bn-Latn: dhakna* | khola | nai
        id: tutup* | penutup* | terbuka | tanpa tutup | hilang | bolong
        ms: tak bertutup | tiada penutup
        tr: kapak* | kapağı* | açık | yok | kayıp
        fr: couvercle* | plaque* | ouvert* | sans couvercle | manquant* | disparu* | cassé*
        all: دزدیدن | دزدیده* | চুরি | ঢাকনি
        all: ٹوٹا ہوا | چوری | khulla | khule | gaib | ghayab | chori | toota | tooti | tuta | nhi hai
            | nahi he | टूटा | टूटी | चोरी | खुले | नहीं है
        all: غطاها | غطاه | ناقص | ناقصه | مخلوع* | مشلوع* | مشيول | مكسر | انسرق* | سرقوا | stolen
            | removed | exposed | opened
        all: ilang | dicuri | menganga | terdedah | ternganga | çalınmış | çalındı | volé | volée | volés
            | béant* | à découvert
    """,
    "light": """
        en: light | lights | lamp* | lighting | bulb* | lamp post* | light pole* | dark | darkness
            | unlit | lit | pitch black
        ar: انار* | اناره | انوار | نور | اضاءه* | اضاء* | لمبه* | لمبات | مصباح* | مصابيح | كشاف*
            | كشافات | عمود انار* | اعمده انار* | ظلام | مظلم* | ظلمه | طافي* | طفيان | طافيه
        ur: لائٹ* | روشنی* | بتی* | بلب* | کھمب* | اندھیر* | لیمپ*
        rom: light* | batti* | bulb* | khamba* | khambay | khambe | andhera* | andhere* | roshni
        hi: लाइट* | बत्ती* | बल्ब* | खंभ* | खम्भ* | अंधेर* | रोशनी* | लैंप*
        fa: چراغ* | لامپ* | روشنایی* | تیر برق | تاریک* | خاموش*
        bn: লাইট* | বাতি* | আলো* | বাল্ব* | ল্যাম্প* | অন্ধকার* | খুঁটি*
        bn-Latn: light* | bati | alo | ondhokar* | andhokar*
        id: lampu* | penerangan | pencahayaan | gelap* | tiang lampu | lampu jalan | bohlam
        ms: lampu jalan | gelap gelita
        tr: lamba* | ışık* | aydınlatma* | karanlık* | direk | direği | direkler* | ampul*
        fr: lampadaire* | lampe* | lumière* | éclairage* | ampoule* | sombre | obscur* | noir complet
        ur: اسٹریٹ لائٹ* | سٹریٹ لائٹ* | بجلی کا کھمبا | لائٹیں | اندھیرا
        bn: স্ট্রিট লাইট* | রাস্তার বাতি | ল্যাম্পপোস্ট* | বাতিগুলো
        fa: تیر چراغ* | چراغ برق | چراغهای | لامپها
        ar: عمود | اعمده | الاعمده | مطفيه | لمبات الشارع
        hi: स्ट्रीट लाइट* | स्ट्रीटलाइट* | बत्तियां | बिजली का खंभा
        all: روشن نیست | روشنه | تیرهای برق | تیرای برق | پروژکتور* | نورافکن* | چشمک میزنه | چشمک زن
            | জ্বলে না | জ্বলছে না | জ্বলে থাকে | নিভে গেছে | নিভে আছে | আঁধার* | টিউবলাইট* | বাত্তি
            | খাম্বা* | ফ্লাডলাইট* | মিটমিট* | নিভু নিভু | jole na | jolche na | jolena | jolse na
            | jole thake | nive geche | nibhe geche | nive gese
        all: کھنبا | کھنبے | ٹمٹما* | جل بجھ | khambha* | khambon | khambo | khmba | andhaira | raushni
            | rowshni | jal bujh | timtima* | लाईट | लाईटें | लाईटों | खंबा | खंबे | खम्बा | खम्बे | अन्धेरा
            | अंधकार | रौशनी | टिमटिमा* | ट्यूबलाइट*
        all: ضوء | اضواء | ضلمه | ضلام | عتمه | مطفي | منطفي* | انطفت | انطفات | ترمش | شغاله نهار
            | مولعه نهار | والعه نهار | مشتغله نهار | streetlight* | streetlamp* | flicker* | illuminat*
        all: pju | berkedip | kedap kedip | kelap kelip | menyala siang | nyala siang | mentol | berkelip
            | terpadam | tak menyala | tidak menyala | x menyala | yanmıyor | yanıp sönüyor | gündüz yanıyor
            | zifiri | projektör* | armatür* | réverbère* | clignote | clignotent | clignotement | néon
            | néons | noir total | dans le noir
    """,
    "sign": """
        en: sign | signs | signboard* | sign board* | traffic light* | traffic signal* | signal
            | road sign* | street name* | direction sign* | stop sign
        ar: لوحه* | لوحات | اشاره* | اشارات | لوحه ارشاديه | لوحات ارشاديه | لوحه تحذيريه | اسم الشارع
            | لافته*
        ur: سائن بورڈ* | سگنل* | بورڈ
        rom: signboard* | sign board* | signal | board
        hi: साइन बोर्ड* | साइनबोर्ड* | सिग्नल* | संकेत* | बोर्ड
        fa: تابلو* | چراغ راهنمایی | علامت*
        bn: সাইন বোর্ড* | সাইনবোর্ড* | সিগন্যাল* | সংকেত*
        bn-Latn: sign board* | signboard*
        id: rambu | papan petunjuk | papan arah | lampu merah | lampu lalu lintas | papan nama jalan
        ms: papan tanda | lampu isyarat
        tr: tabela* | levha* | trafik ışı* | trafik lamba* | işaret*
        fr: panneau* | panneaux | feu rouge | feux | signalisation* | plaque de rue | nom de rue
            | le stop
        all: বোর্ড* | بورڈ* | দিকনির্দেশক* | tabelası | tabelaları
        ur: ٹریفک سگنل | اشارہ
        bn: ট্রাফিক সিগন্যাল
        fa: علائم راهنمایی | تابلوی راهنما
        ar: اشاره مرور | لوحات مروريه | اشارة المرور
        hi: ट्रैफिक सिग्नल | दिशा बोर्ड
        all: no entry | نو انٹری | নো এন্ট্রি | नो एंट्री | ممنوع الدخول | ورود ممنوع | girilmez
            | dilarang masuk | sens interdit | naam ki takhti | تختی | نام کی تختی | ফলক | নামফলক
            | नाम की पट्टी | تابلوی اسم | name board | name plate | nameplate
        all: চিহ্ন* | একমুখী
        all: چراغ قرمز | نام خیابان | اسم خیابان | اسم کوچه | جهت نما | چراغ راهنما | محدودیت سرعت | সিগনাল*
            | ট্রাফিক বাতি | লাল বাতি | রাস্তার নাম | দিক নির্দেশ* | স্পিড লিমিট | উল্টা দিকে | উল্টো দিকে
            | rastar nam | rastar naam | traffic batti | lal bati | namfolok | nam folok | speed limit
            | ulta dike | ulto dike
        all: سائنبورڈ* | ٹریفک لائٹ* | ٹریفک بتی | گلی کا نام | سڑک کا نام | singal | signl | traffic ishara
            | gali ka naam | sadak ka naam | takhti | ट्रैफिक लाइट* | सिगनल* | दिशा सूचक | सूचना पट्ट*
            | नामपट्ट* | गली का नाम | सडक का नाम
        all: لافتات | يافطه | يافطات | علامات مروريه | علامه مروريه | علامات المرور | اسم شارع
            | اسماء الشوارع | اسماء شوارع | اسم الحي | signage | signpost* | signals
        all: plang | papan nama | marka jalan | lampu lalin | petunjuk arah | tanda jalan | lampu trafik
            | tanda arah | papan penunjuk | tanda had laju | sinyalizasyon | sokak adı | sokak ismi
            | plaques de rue | plaque indicatrice | signalétique | sens unique
    """,
    "park": """
        en: park | playground* | garden* | play area* | swing* | slide | slides | bench*
            | public toilet* | fountain* | walkway* | picnic | washroom*
        ar: حديقه* | حدايق | حدائق | منتزه* | متنزه* | ممشى | ممشي | ملاعب | ملعب* | مراجيح | مرجيحه
            | العاب الاطفال | العاب | جلسات | دورات مياه | دوره مياه | نافوره | نوافير | مسطحات خضراء
            | زحليقه | ميضاه
        ur: پارک | پارکوں | باغ* | جھول* | بینچ* | فوارہ
        rom: park | jhoola* | jhula* | jhoolay | bench* | fountain
        hi: पार्क | पार्कों | उद्यान* | बगीच* | झूल* | बेंच* | फव्वार* | वॉशरूम | शौचालय*
        fa: پارک | پارکها | پارکه | بوستان* | تاب | سرسره* | نیمکت* | فواره* | زمین بازی | شهربازی
            | دستشویی عمومی
        bn: পার্ক | পার্কে | পার্কের | উদ্যান* | দোলনা* | বেঞ্চ* | ফোয়ারা* | টয়লেট
        bn-Latn: park | parke | parker | dolna | bench*
        id: taman* | ayunan* | perosotan | bangku taman | toilet umum | wc umum | air mancur
            | tempat wudhu
        ms: buaian* | gelongsor* | tandas awam | taman permainan
        tr: park | parkı | parkta | parkın | parka | parktaki | parkındaki | parklar* | bahçe*
            | salıncak* | kaydırak* | oyun alanı* | çocuk parkı | bankı | banklar* | umumi tuvalet*
            | abdesthane* | çeşme*
        fr: parc | parcs | jardin* | aire de jeux | balançoire* | toboggan* | banc | bancs | fontaine*
            | toilettes publiques
        all: سلائیڈ* | টয়লেট* | بیت الخلا | عوامی بیت الخلا | ٹوائلٹ* | टॉयलेट* | tuvalet* | toilet*
            | toilettes* | dorat | অজুখানা*
        all: ablutions publiques | public ablution* | tempat wudhu awam | wuduk awam
        ur: بچوں کے جھولے | گھاس | فوارے | پارک میں
        bn: খেলার মাঠ | ঘাস | পার্কের ভিতরে
        fa: زمین بازی بچه ها | چمن* | پارک محله
        ar: نجيل | عشب | زراعه الحديقه | الملاعب
        hi: खेल का मैदान | घास | बच्चों के झूले
        all: khelar math* | khelar mather | হাঁটার ট্র্যাক | walking track* | jogging track* | ممشى
            | goal post
        all: پارکا | پارکای | پارکهای | پارکش | وسایل بازی | وسیله بازی | تابها | الاکلنگ | سرویس بهداشتی
            | توالت عمومی | تشناب عمومی | تشناب* | آبخوری | مسیر پیاده روی | مسیر پیادهروی | زمین فوتبال
            | زمین ورزش | زمین بسکتبال | فضای سبز | آبیاری | تفریحگاه | পার্কটা | পার্কটি | পার্কগুলো
            | খেলার জায়গা | ওয়াকওয়ে | হাঁটার পথ | শৌচাগার* | পাবলিক বাথরুম | ঝর্ণা* | বাগান | বাগানের
            | dolnar | hatar track | khelar jayga
        all: پارکس | کھیل کا میدان | پلے گراؤنڈ | واش روم* | باتھ روم* | لیٹرین | جاگنگ ٹریک | واکنگ ٹریک
            | بنچ | parkon | bagh | baghicha | bagicha | jhoolon | khel ka maidan | play ground | latrine
            | fawara | fuwara | fawwara | fawware | ghaas | बाग | बागीच* | बगिया | फुव्वारा | फौवारा | फवारा
            | पार्को | झुला | झुले | बैंच | बैंचें | बेन्च | मूत्रालय* | प्लेग्राउंड | जॉगिंग ट्रैक
            | वॉकिंग ट्रैक | फिसलपट्टी
        all: جنينه | جناين | ارجوحه | اراجيح | زحاليق | زلاقه | حمامات عامه | مضمار | ممرات المشي | parks
            | seesaw | see saw | grass | lawn | lawns | sprinkler* | irrigation | restroom* | lavatory
            | sports court* | basketball court* | football field | football ground | play ground | gazebo*
            | green area | green areas | green space*
        all: prosotan | jungkat jungkit | arena bermain | lapangan olahraga | lapangan bola
            | lapangan futsal | bangku | ruang terbuka hijau | kamar mandi umum | mck | penyiraman
            | jongkang jongket | padang permainan | gelanggang | tandas | pancutan air | parkında | parkına
            | parkının | tahterevalli | yeşil alan* | halı saha | spor sahası | basketbol saha*
            | yürüyüş yolu | fıskiye* | çimenler | çimenlik | espace vert* | espaces verts | terrain de jeu*
            | terrain de sport | terrain de foot | pelouse* | arrosage | jet d'eau | sanitaires publics
            | wc publics | bac à sable
    """,
    "vehicle": """
        en: car | cars | vehicle* | bus | truck* | van | motorbike* | motorcycle* | pickup | trailer
            | taxi | scooter* | sedan
        ar: سياره* | سيارات* | سيارتين | مركبات* | سكوتر | سيدان | باص* | شاحنه* | شاحنات | ونيت* | دباب*
            | موتر | تريله | جيب
            | تاكسي | وانيت*
        ur: گاڑی* | گاڑیاں | ٹرک* | موٹر سائیکل* | پک اپ
        rom: gari | gaari | gaadi | gadi | car | bus | truck | motorcycle | pickup
        hi: गाडी* | कार | बसें | बसों | ट्रक* | मोटरसाइकिल* | पिकअप | टैक्सी
        fa: ماشین* | خودرو* | موتر* | اتوبوس* | کامیون* | وانت*
        bn: গাড়ি* | গাড়ী* | বাস | বাসে | বাসের | ট্রাক* | মোটরসাইকেল*
        bn-Latn: gari | gaari | bus | truck
        id: mobil | mobilnya | truk* | kendaraan* | motor | sepeda motor | taksi
        ms: kereta* | lori* | kenderaan* | bas awam | bas sekolah | motosikal*
        tr: araba* | araç* | otomobil* | otobüs* | kamyon* | minibüs* | motosiklet* | taksi
        fr: voiture* | véhicule* | camion* | moto | motos | bus | camionnette* | taxi
        all: পিকআপ* | ভ্যান* | van | پیکاپ*
        ur: موٹر سائیکل | ٹیکسی | سوزوکی
        bn: মোটরসাইকেল | সিএনজি | ট্যাক্সি
        fa: موتور | تاکسی | اتومبیل*
        ar: سيارات | سياره قديمه | موتر | دراجه*
        hi: गाडियां | बाइक | ऑटो
        all: scooty | स्कूटी | سکوٹی | ट्रेलर | تريلا | تریلی | تریلر | ٹریلر | वैन | jeep | জিপ | सेडान
            | trailer | treyler | remorque
        all: ট্রেইলার* | ট্রেলার*
        all: اتول | مینی بوس | مینیبوس | لاری | جیپ | موتورسیکلت* | মাইক্রোবাস* | লরি | বাইক | মোটর সাইকেল
            | হোন্ডা | যানবাহন* | বাসটা | বাসগুলো | প্রাইভেট কার | মোটরবাইক* | garita | gariti | honda
            | microbus | bike
        all: ویگن | ڈمپر | بائیک | موٹرسائیکل* | رکشہ | کوسٹر | جیپ | ٹریکٹر | gariyan | gaariyan | gaadiyan
            | gadiyan | gaddi | gaddiyan | gaadiyon | bike | rickshaw | riksha | wagon | coaster | dumper
            | tractor | suzuki | वाहन | वाहनों | मोटर साइकिल | मोटरसाईकिल* | स्कूटर | जीप | टेम्पो
            | ट्रैक्टर | कारें | कारों | रिक्शा | डंपर
        all: سيارت* | مركبه | حافله* | حافلات | ميكروباص | مواتر | موتوسيكل | موتسيكل | ركشه | ركشات | ددسن
            | هايلكس | بيك اب | ونش | تريلات | عربيه مركونه | عربيات مركونه | lorry | lorries | buses | vans
            | suv | automobile* | vehical* | bicycle* | bike | bikes | rickshaw* | tuk tuk
        all: pikap | motornya | teksi | tırlar | dorse | minivan | karavan* | bagnole* | fourgon* | autocar*
            | automobile* | 4x4
    """,
    "abandoned": """
        en: abandoned | wreck* | scrap* | junk | tow | towed | towing | flat tyres | flat tires | rusting
            | rusty | smashed windows | no wheels | owner unknown | no owner
        ar: مهمله* | مهمل | مهجوره* | متروكه* | خربانه* | خربه | سكراب | تشليح | مصدومه* | كفرات نايمه
            | بنشر | حطام | هيكل سياره | خرده | خردة | تالفه | بدون كفرات
        ur: لاوارث* | کھٹارا | ڈھانچہ | ڈھانچا | زنگ لگ* | زنگ آلود*
        rom: lawaris* | lawaaris* | khatara | dhancha | dhaancha | zang
        hi: लावारिस* | कबाड* | ढांचा | खटारा | जंग लगी | मालिक का पता नहीं | टायर गल*
        fa: رها شده | رهاشده | اوراق* | قراضه* | پنچر | زنگ زده | لاشه ماشین
        bn: পরিত্যক্ত* | ভাঙা গাড়ি | ভাঙ্গা গাড়ি | পুরানো গাড়ি | পুরনো গাড়ি | মরিচা
        bn-Latn: vanga gari | bhanga gari | pora gari | purono gari | pura gari
        id: terbengkalai* | terlantar* | ditinggal* | rongsok* | bangkai mobil | ban kempes | karatan
        ms: bangkai kereta | tayar pancit | ditinggalkan | berkarat | terbiar
        tr: terk* | hurda* | lastikleri inik | lastikleri patlak | çekici* | metruk* | paslı | paslanmış
        fr: épave* | abandonn* | carcasse de voiture | pneus à plat | pneus crevés | fourrière | rouillé*
            | accidenté*
        all: নাম্বার প্লেট ছাড়া | plakasız* | without plate* | no number plate* | بدون لوحه* | بدون لوحات
            | بدون پلاک | بغیر نمبر پلیٹ | बिना नंबर प्लेट | tanpa plat* | sans plaque* | ٹائر بیٹھ*
        all: remuk | ringsek | tyre flat | tyres flat | tyre baith* | tayar nai | tyre nai | chaka nai
            | بدون راس | بی کشنده | بی پلاک | بے نمبر | bina number | engine khule | kathamo
        ur: لاوارث | ٹوٹی ہوئی گاڑی | خراب گاڑی
        bn: পরিত্যক্ত | চাকা নেই | টায়ার ফাটা
        fa: لاستیکش پنچر
        ar: مهجوره | متروكه من | كفراتها نايمه
        hi: कबाड | खराब गाडी | टूटी गाडी
        all: اسقاطی | لاستیکاش خوابیده | لاستیکش خوابیده | بدون لاستیک | بی صاحب | صاحبش معلوم نیست
            | چرخ نداره | یدک کش | মালিকবিহীন | মালিক নাই | মালিক নেই | জং ধরা | জং ধরে | জং পড়া
            | চাকা ছাড়া | চাকা নাই | কাঠামো | লক্কড়* | স্ক্র্যাপ | নম্বর প্লেট ছাড়া | নম্বর প্লেট নাই
            | টায়ার পাংচার | poritokto | porittokto | paritakto | malik nai | malik nei | chaka nei
            | chaka chara | jong dhora | jong dhorse | moricha | number plate chara | number plate nai
            | punchar
        all: چھوڑی ہوئی | چھوڑ دی | کباڑ | کباڑی | اسکریپ | سکریپ | پنکچر | ٹائر پنکچر | مالک کا پتہ نہیں
            | lwaris | chhodi hui | chhor di | kabaad* | kabad* | zung | jang lagi | jung lagi | jung laga
            | tyre puncture | tyre panchar | panchar | pancher | malik ka pata nahi | owner ka pata nahi
            | जंग लगा | जंग लगे | जंग खा* | छोडी हुई | छोड दी | पंचर | पंक्चर | स्क्रैप | परित्यक्त
        all: مهجور | متروك | مركونه من | بدون نمره | بلا لوحات | derelict | flat tyre | flat tire
            | punctured | deflated | unattended | deserted | no plate*
        all: mangkrak | ditelantarkan | ban kempis | tanpa pelat | bodong | tayar kempis | tayar kempes
            | besi buruk | tiada plat | takde plat | lastiği patlak | lastiksiz | pneus dégonflés
            | sans roues | ferraille* | voiture ventouse | immobilisé*
    """,
    # Burnt things: a burnt car is a wreck, but so is not a burning garbage bin. A feature of its own, so
    # that the model learns what burns in each category; the wreck rule wants a vehicle beside it.
    "burnt": """
        en: burnt out | burned out | burnt | burned
        ar: محروقه* | محترقه* | متفحم*
        ur: جلی ہوئی | جلا ہوا
        rom: jali hui | jala hua
        hi: जली हुई | जला हुआ
        fa: سوخته*
        bn: পোড়া*
        id: hangus | terbakar
        ms: hangus | terbakar
        tr: yanmış | yanık
        fr: brûlée | brûlé | brulee | brule | calcinée | calciné
        all: آتیش گرفته | آتش گرفته | آتیش زدن | آتش زده | পুড়ে গেছে | পুড়ে যাওয়া | পুড়া | agun lagse
            | agun legeche | agun lege
        all: محروق | محترق | احترقت | احترق | انحرقت | حريق | احتراق | torched | charred | caught fire
    """,
    # How long something has stood there, dust, wear: said of cars left in the street, but just as much of
    # any complaint ("for months", "depuis des mois"). Only the wreck rule reads it, never the model.
    "car_state": """
        en: covered in dust | dusty | months | for a year | forever | broken windows | glass broken
            | broken | crashed | damaged
        all: خراب | خربان | خراب شده | پرانا ٹرک | پرانی گاڑی | पुरानी गाडी | खराब | नष्ट | নষ্ট | vangari
            | kharab | rusak | rosak | bozuk | cassée | cassé
        ar: مغبره | عليها غبار | واقفه من | من شهور | من سنه | عليها تراب | من زمان
        ur: مٹی سے اٹی | مہینوں سے | مہینے سے | سال سے | شیشے ٹوٹے | کھڑی ہے | کئی مہینوں
        rom: purani | mahino se | mahine se
        hi: महीनों से | साल से | कई महीनों
        fa: خاک گرفته | ماه هاست | پر خاک | ماهه | سالهاست | ماههاست
        bn: ধুলো* | মাস ধরে | বছর ধরে | মাসখানেক* | কাঁচ ভাঙা | অনেক দিন ধরে
        bn-Latn: dhula | mash dhore
        id: penuh debu | berdebu | usang | berbulan bulan | derek | diderek | dibiarkan
        ms: buruk | berbulan
        tr: toz içinde | tozlu | aylardır | kapıları olmayan | camları*
        fr: poussière* | depuis des mois | roues
        all: کهنه | داغون | خاک خورده | ধুলা | ধুলায় | ধুলাবালি | মাস থেকে | বছর থেকে | dhulo | dhulay
            | bochor dhore | mas dhore
        all: سالوں سے | کافی عرصے | عرصے سے | دھول | ٹوٹ پھوٹ | ٹوٹے شیشے | khrab | kharaab | khraab
            | mahinon se | mahino sy | mahinay se | saal se | saalon se | kai mahine | kafi arse
            | kaafi arse | arse se | arsay se | dhool | sheeshe toote | shishe tute | khadi hai | khari hai
            | khadi hui | tooti phooti | toti phuti | सालों से | काफी समय से | कई दिनों से | धूल | शीशे टूटे
            | खडी है | टूटी फूटी | टूट फूट
        all: معطله | متعطله | عطلانه | من شهرين | من اشهر | من اسابيع | من سنين | من سنتين | له شهور
            | لها شهور | زجاجها مكسور | مقلوبه | for weeks | weeks | years | not moved | hasn't moved
            | never moved | left there
    """,
    "wreck": """
        en: wreck | wrecked | wrecks | car wreck* | scrap car* | junk car* | burnt out car*
            | burned out car* | abandoned car* | abandoned vehicle* | abandoned truck* | abandoned bus
        ar: سكراب | تشليح | حطام سياره | هيكل سياره | سياره مهجوره | سياره مهمله | سياره متروكه
            | سيارات مهمله | سياره خربانه | سياره محترقه | سياره محروقه | مركبه مهمله | سيارات مهجوره
        ur: لاوارث گاڑی* | کھٹارا گاڑی | جلی ہوئی گاڑی
        rom: lawaris gari | lawaris gaadi | khatara gari | khatara gaadi | kabaad gaadi | jali hui gari
            | jali hui gaadi
        hi: लावारिस गाडी | कबाड गाडी | खटारा गाडी | जली हुई गाडी
        fa: ماشین اوراقی | ماشین قراضه | خودروی رها شده | خودرو رها شده | ماشین رها شده | ماشین سوخته
            | لاشه ماشین
        bn: পরিত্যক্ত গাড়ি | ভাঙা গাড়ি | ভাঙ্গা গাড়ি | পোড়া গাড়ি
        bn-Latn: vanga gari | bhanga gari | pora gari
        id: mobil rongsok* | bangkai mobil | mobil terbengkalai | mobil terlantar | mobil bekas terbakar
        ms: bangkai kereta | kereta buruk | kereta terbiar | kereta ditinggalkan
        tr: hurda araba* | hurda araç* | terk edilmiş araba* | terk edilmiş araç* | yanmış araba*
        fr: épave* | voiture abandonnée | véhicule abandonné | carcasse de voiture | voiture brûlée
        all: ringsek | mobil ringsek | kereta remuk
        all: سياره متفحمه | متفحمه | سياره مقلوبه | ونيت مصدوم | accident wali gaadi | accident wali gaari
            | accident wali gari | accident er gari | एक्सीडेंट वाली गाडी | एक्सीडेंट वाला ट्रक | पलटा पडा
            | حادثے والی گاڑی | الٹی ہوئی گاڑی | ماشین تصادفی | ماشین چپ شده | দুর্ঘটনার গাড়ি
        all: ماشین اسقاطی | خودروی اسقاطی | خودرو اسقاطی | خودروی فرسوده | ماشین فرسوده | ماشین داغون
            | لاشه خودرو | موتر کهنه | موتر سوخته | موتر رها شده | موتر تصادفی | ماشین متروکه
            | পরিত্যক্ত গাড়ী | ভাঙা গাড়ী | পোড়া গাড়ী | জং ধরা গাড়ি | বেওয়ারিশ গাড়ি
            | অ্যাক্সিডেন্টের গাড়ি | এক্সিডেন্টের গাড়ি | লক্কড় ঝক্কড় গাড়ি | poritokto gari
            | porittokto gari | noshto gari | jong dhora gari | accidenter gari | bhanga gaari | vanga gaari
            | pora gaari
        all: کباڑ گاڑی | ٹوٹی پھوٹی گاڑی | جلی گاڑی | کھٹارا ٹرک | لاوارث ٹرک | lawaris gadi | lawaris gaari
            | khatara gadi | khatara gaari | kabad gaadi | kabaad gari | jali hui car | jali gaadi
            | jli hui gari | accident wali car | tooti phooti gaadi | toti phuti gari | लावारिस वाहन
            | कबाड वाहन | टूटी फूटी गाडी | जली गाडी | लावारिस ट्रक | खटारा ट्रक | लावारिस कार
        all: هياكل سيارات | سياره مصدومه | سيارات مصدومه | سياره تالفه | سيارات تالفه | عربيه مهجوره
            | عربيه متروكه | عربيه محروقه | عربيه مصدومه | wreckage | accidented car | accidented cars
            | accidented vehicle* | scrap vehicle*
        all: mobil mangkrak | motor rongsok* | truk rongsok* | bangkai motor | bangkai truk | bangkai lori
            | bangkai motosikal | kereta terbakar | kereta hangus | lori terbiar | motosikal terbiar
            | kereta usang | hurda otomobil* | hurda kamyon* | yanmış araç* | kazalı araç* | kazalı araba*
            | terk edilmiş kamyon* | sahipsiz araç* | sahipsiz araba* | metruk araç* | voiture ventouse
            | voitures abandonnées | véhicules abandonnés | camion abandonné | voiture calcinée
            | véhicule calciné | voiture accidentée | véhicule brûlé | voiture incendiée
    """,
    "graffiti": """
        en: graffiti | graffitti | grafitti | scribbl* | spray paint* | sprayed | writing on the wall*
            | vandal* | written on the wall* | wrote on the wall
        ar: كتابات* | خربشات* | خربشه | شخابيط* | شخبطه | شخبطات | رسومات على | جرافيتي | غرافيتي | بخاخ
            | بالبخاخ | كتب على الجدار | كتب كلام | الكتابه على الجدران
        ur: گرافٹی | دیواروں پر لکھ* | دیوار پر لکھ* | وال چاکنگ | چاکنگ
        rom: graffiti | wall chalking | chalking | deewar par likh* | deewaron par likh*
        hi: ग्रैफिटी | ग्राफिटी | ग्रैफिटि | दीवार पर लिख* | दीवारों पर लिख* | स्प्रे पेंट
            | मार्कर से लिख*
        fa: دیوارنویسی | دیوار نویسی | گرافیتی | نوشته روی دیوار | شعارنویسی | نقاشی روی دیوار
            | اسپری رنگ
        bn: গ্রাফিতি | গ্রাফিটি | দেয়াল লিখন | হিজিবিজি | দেয়ালে লেখা | দেওয়ালে লেখা
        bn-Latn: graffiti | lekha joka | deyale lekha
        id: coretan* | corat coret | vandalisme | grafiti | mural liar | pilox | dicoret*
        ms: contengan* | conteng* | grafiti
        tr: grafiti | duvar yazı* | yazılama | karalama* | sprey boya | karalan*
        fr: graffiti* | des tags | tagué* | gribouill* | bombe de peinture | écrit sur le mur
        all: خط خطی* | با اسپری | گرافیتی* | sprey boya* | yazılar yazmış | duvarına yazı*
            | স্প্রে রং | লিখে গেছে | দেয়ালে লিখে | لکھ دیے | الفاظ لکھ* | نامناسب الفاظ
        all: اسپرے سے لکھ* | سپرے سے لکھ* | स्प्रे से लिख* | spreyle | à la bombe | cat sembur
            | pakai pilox | spray se likh* | galat alfaz | gande alfaz | gandi baatein likh*
            | খারাপ কথা লিখ* | kharap kotha likh*
            | আজেবাজে লিখ* | उल्टा सीधा लिख* | ulta seedha likh* | naam aur phone number
            | nam ar phone number | phone number likh* | phone number lekh* | bad words | insultes
            | küfür yaz* | kata kotor | کلام بذيء | حرفای زشت
        all: رو دیوار نوشتن | رو دیوار نوشته | روی دیوار نوشتن | رو دیوارا نوشتن | شعار نوشتن | شعار نوشته
            | خطخطی* | نقاشی رو دیوار | আঁকিবুকি* | চিকা মারা | চিকা মেরেছে | দেওয়াল লিখন | দেয়ালে লিখেছে
            | দেয়ালে লিখছে | দেওয়ালে লিখেছে | দেওয়ালে লিখছে | দেয়ালে লেখালেখি | রং দিয়ে লিখেছে
            | রং দিয়ে লেখা | deyale likhse | deyale likheche | deyale likhe | dewale lekha | deoale lekha
            | akibuki | chika mara | rong diye likhse | hijibiji
        all: گرافیٹی | گریفیٹی | دیوار* لکھ* | نعرے لکھ* | اسپرے پینٹ | مارکر سے لکھ* | بکواس لکھ*
            | deewar* likh* | diwar* likh* | dewar* likh* | naare likh* | nare likh* | marker se likh*
            | bakwas likh* | दीवार* लिख* | दिवार* लिख* | नारे लिख* | गंदी बातें लिख* | भद्दी बातें
            | गाली लिख* | ग्रेफिटी
        all: شخبطوا | مشخبط* | خربشوا | مخربش* | كتبوا على | كاتبين على | مكتوب على الجدار
            | مكتوب على الحيطان | كتابه جدار | كتابه جدران | كتابه حيطان | عبارات مسيئه | عبارات بذيئه
            | الفاظ بذيئه | رسومات مسيئه | اسبراي | سبراي | tagging | writing on walls | written on walls
            | writings on | wrote on walls | painted on the wall | painted on walls | deface*
            | offensive words | vulgar words | obscene* | doodl* | drawings on | drawing on the wall
            | drew on the wall | drew on walls
        all: pylox | piloks | cat semprot | coret* | mencoret | nyoret | tulisan di tembok
            | tulisan di dinding | diconteng | menconteng | duvara yazı* | duvarlara yazı* | duvara yazmış
            | duvarlara yazmış | écrit* sur les murs | inscriptions sur les murs | barbouill* | griffonn*
    """,
    "visual": """
        en: ugly | eyesore | peeling paint | satellite dish* | banner* | poster* | billboard*
            | hanging wire* | faded | messy | unsightly | ac unit* | abandoned kiosk | kiosk*
            | looks bad | looks terrible | clothes | laundry | balcon* | stickers | flyers | leaflets
            | ads | advert* | bad view | phone numbers | shabby
        ar: تشوه* | تشويه* | منظر سيء | منظر غير حضاري | مشوه* | لوحات اعلانيه | ملصقات* | اعلانات*
            | دشوش | صحون لاقطه | غسيل | منظر* | كشك* | اكشاك | باهت* | متهالك* | قبيح | ملابس منشوره
            | بلكون* | مكيفات | شكلها | ارقام جوالات | شين
        ur: بدنما | پوسٹر* | بینر* | برا لگتا | بد صورت* | کھوکھا* | کپڑے
        rom: badnuma | poster* | banner* | bura lagta | khokha* | bekar lagta | kapde
        hi: बदसूरत | भद्दा | भद्दे | पोस्टर* | बैनर* | बुरा दिखता | बुरा लगता | खोखा* | होर्डिंग*
            | पर्चे | एसी | डिश | कपडे | बेतरतीब | रंग उतर
        fa: زشت* | منظره | پوستر* | آگهی* | بنر* | چشم انداز* | کیوسک* | لباس | بالکن* | ماهواره
        bn: দেখতে খারাপ | বাজে দেখা* | পোস্টার* | ব্যানার* | কিয়স্ক* | কাপড় | বারান্দা*
        bn-Latn: dekhte kharap | dekhte baje | poster* | banner*
        id: jelek | kumuh | merusak pemandangan | pemandangan | poster* | spanduk* | baliho*
            | papan iklan | kios* | jemuran | stiker | selebaran
        ms: hodoh | semak mata | sepanduk* | papan iklan
        tr: görüntü kirliliği | çirkin* | afiş* | pankart* | kötü görün* | köhne | çamaşır* | balkon*
            | ilan | ilanlar* | ilanı*
        fr: laid* | moche | affiche* | pollution visuelle | enseigne* | défigur* | banderole* | désordre
            | kiosque* | linge | balcon* | autocollant* | numéros de téléphone
        all: reklam pano* | reklam tabela* | pano | panosu | اشتہار* | بلبورڈ | বিলবোর্ড* | বিজ্ঞাপন*
            | ডিশ এন্টেনা* | çanak anten* | klima* | کولر* | anten* | dish antenna* | karmakarışık
            | göz yor* | lahraata | لہرا* | نامرتب*
        all: ac units | aircond* | bergelantung* | berjuntai | hanging | sarkıyor | sarkan | لٹک* | लटक*
            | ঝুলে* | pendouill* | متدلي* | معلق* | pelekat* | iklan* | kain rentang | koyak* | ditampal
            | fasad* | kusam | belang* | berantakan | serabut mata | bercampur aduk
        ur: رنگ اتر* | وال چاکنگ | اشتہاری
        bn: নোংরা দেখায় | রং উঠে* | বিজ্ঞাপনের
        fa: منظر زشت | رنگ ریخته | آگهی ها
        ar: تشوه بصري | التشوه البصري | دهان متقشر | منظر مزعج
        hi: रंग उखड* | भद्दा लगता | विज्ञापन*
        all: shop sign* | shop board* | لوحات المحلات | لوحه المحل | لوحات محلات | تابلوی مغازه*
            | تابلو مغازه* | تابلوهای مغازه* | dukan ka board | dukano ke board | dukan ke board
            | دکان کا بورڈ | دکانوں کے بورڈ | दुकान का बोर्ड | दुकानों के बोर्ड | দোকানের সাইনবোর্ড*
            | dokaner signboard | papan tanda kedai | papan nama toko | dükkan tabela* | panneau publicitaire
            | panneaux publicitaires
        all: ডিশ অ্যান্টেনা* | অ্যান্টেনা* | sticker*
        all: دیش | دیشها | بیلبورد* | برچسب* | تراکت* | چسبوندن | چسبونده | چسبانده | نمای ساختمون
            | نمای ساختمان | نمای بیرونی | آویزون* | آویزان* | رخت | رختها | درهم برهم | بدمنظره
            | رنگ و رو رفته | رنگش رفته | تابلو تبلیغاتی | ডিশ | ডিশের তার | ডিশের লাইন | স্টিকার* | লিফলেট*
            | ঝুলছে | ঝুলন্ত | ছেঁড়া* | রং চটা | রং চটে গেছে | বিশ্রী | কুৎসিত | অগোছালো | এলোমেলো | এসি
            | দোকানের বোর্ড | baje dekhay | bhalo dekhay na | dish er tar | dish line | jhulche | jhulse
            | rong uthe | rong chota | jhule ache | jhule ase
        all: بدصورت* | بھدا | بھدی | برا دکھ* | ڈش انٹینا | اسٹیکر* | سٹیکر* | پمفلٹ* | ہورڈنگ* | بے ترتیب
            | bad numa | badsurat | bad surat | bhadda | bhaddi | bhadde | bura lag raha | bura dikh*
            | ishtehar* | ishtihar* | ishtehaar* | pamphlet* | hording* | hoarding* | be tarteeb | betarteeb
            | latak* | rang utar* | rang ukhad* | rang ukhar* | kapray | kapre | भद्दी | बदसूरती | बुरा दिख*
            | इश्तिहार* | स्टिकर* | पैम्फलेट* | पंपलेट* | पर्चा | हॉर्डिंग* | पेंट उखड* | पेंट उतर*
        all: ستيكرات | استيكرات | ستكرات | لزقات | لصقات | بوستر* | دعايات | مطويات | لوحه اعلانيه | ممزقه
            | واجهه | واجهات | متقشر* | bill board* | pamphlet* | flyer | hoarding* | peeling | untidy
            | clutter* | air conditioner*
        all: tidak sedap dipandang | semrawut | brosur | pamflet | parabola | cat mengelupas | cat pudar
            | tempelan | ditempel* | sakit mata memandang | cat tertanggal | cat terkopek | piring astro
            | sidai* | menyidai | ampaian | görsel kirlilik | broşür* | boyası dökül* | reklamlar*
            | yapıştırıl* | yapıştırmış* | prospectus | tracts | parabole* | écaillé* | inesthétique
            | hideux | climatiseur*
    """,
    "road": """
        en: pothole* | pot hole* | crack* | asphalt | speed bump* | speed breaker* | road bump
            | excavation* | dug up | digging | sinkhole | uneven | tarmac | bump | bumps
            | road collapse* | broken road | road damage* | hole | holes | tyre | broken tiles | tiles
        ar: حفره* | حفر | حفريات* | مطب | مطبات | المطب | طبات | طبه | اسفلت* | زفلت* | تشقق* | شقوق
            | هبوط | انخساف* | هبوط ارضي | تكسر* | متكسر* | بلاط
        ur: گڑھ* | اسفالٹ | سپیڈ بریکر* | اسپیڈ بریکر* | کھدائی* | ٹائلیں | دراڑ*
        rom: gaddha* | gadha | garha | garhay | speed breaker* | toot* | khudai
        hi: गड्ढ* | गढ्ढ* | स्पीड ब्रेकर* | टूटी सडक | ऊबड खाबड | खुदाई* | दरार*
        fa: چاله* | دست انداز* | آسفالت* | ترک* | فرو رفت* | نشست زمین | سرعت گیر* | سرعتگیر*
            | کنده کاری
        bn: গর্ত* | খানাখন্দ* | স্পিড ব্রেকার* | পিচ* | খোঁড়াখুঁড়ি* | ফাটল*
        bn-Latn: gorto* | speed breaker* | khanakhondo
        id: jalan berlubang | berlubang | lubang* | aspal* | polisi tidur | retak* | jalan rusak
            | amblas | ambles | galian
        ms: bonggol* | turap | jalan rosak | lubang jalan | mendap
        tr: çukur* | asfalt* | hız kesici* | kasis* | çatlak* | göçük* | göçtü | yol bozuk* | tümsek*
            | yol çök* | yol göç*
        fr: nid de poule | nids de poule | nid-de-poule | trou | trous | bitume* | goudron* | dos d'âne
            | ralentisseur* | fissur* | affaiss*
        all: kerja gali | tebing jalan | bergelombang | permukaan jalan | ngelupas
        ur: ٹوٹی سڑک | ٹوٹی ہوئی سڑک | تارکول | ٹوٹا ہوا فٹ پاتھ | گڑھے
        bn: ভাঙা রাস্তা | ভাঙ্গা রাস্তা | গর্তে | খোঁড়া*
        fa: گودال* | جوی | خرابی آسفالت | خیابون خراب
        ar: ترقيع | طبقه الاسفلت | مكسر | متشقق | حفره كبيره
        hi: टूटी हुई सडक | गड्ढे | खराब सडक | फुटपाथ टूटा
        all: کنده شده | خاکبرداری | حفاری* | سنگفرش* | موزاییک* | ناهموار* | خط عابر | خط کشی | رمپ
            | سرک خراب | جاده خراب | خیابان خراب | فرورفتگی | فرونشست* | نشست کرده | سرعت شکن | টাইলস*
            | টাইল | উঁচু নিচু | এবড়োথেবড়ো | হোঁচট* | কার্পেটিং | স্পিডব্রেকার* | খুঁড়ে | জেব্রা ক্রসিং
            | দেবে গেছে | দেবে যাচ্ছে | রাস্তা ভাঙা | রাস্তা ভেঙে | রাস্তা ভেঙ্গে | gorta | bhanga rasta
            | vanga rasta | rasta vanga | rasta bhanga | rasta venge | khure rakhse | khure rekhe
            | uchu nichu | hochot | zebra crossing | speedbreaker | dhebe gese | debe gese
        all: کھڈا | کھڈے | کھڈوں | سڑک ٹوٹ* | سڑک خراب | خراب سڑک | ٹوٹا فٹ پاتھ | فٹ پاتھ ٹوٹ* | دھنس گئی
            | دھنس گیا | ناہموار | سپیڈبریکر* | gaddhe | gaddhon | khadda | khadde | khaddon | khadday
            | garhe | garhon | tuti sadak | kharab sadak | sadak kharab | khrab sadak | speed braker*
            | speedbreaker* | khodai | khod ke chhod* | dhans gayi | dhans gaya | dhas gayi | na hamwar
            | nahamwar | गड्डा | गड्डे | गड्डों | सडक टूट* | सडक खराब | सडक धंस* | धंस गई | धंस गया | डामर
            | तारकोल | कोलतार | गतिरोधक | खोद कर | खोदकर | फुटपाथ टूट* | टाइल्स टूट*
        all: انخسف* | خسف | سفلته | مطبه | caved in | resurfac* | hump | humps | bumpy | damaged road
            | damaged roads | broken sidewalk* | broken footpath* | broken curb | broken kerb | trench*
            | road works | roadwork*
        all: jalan jebol | jalannya rusak | jalanan rusak | paving | penyeberangan | zebra cross | berlopak
            | turapan | lintasan pejalan kaki | lintasan zebra | yol bozulmuş | yollar bozuk | yolu bozuk
            | parke taşı | parke taşları | kilit taşı | yaya geçidi | kazılmış | kırık kaldırım
            | kaldırım kırık | nids de poules | nid de poules | défonc* | crevasse* | passage piéton*
            | passage clouté | route abîmée | chaussée abîmée | rue abîmée | dalles cassées | tranchée*
    """,
    "street": """
        en: street | streets | road | roads | lane | sidewalk* | pavement* | footpath* | curb* | kerb*
            | roadside
        ar: شارع | الشارع | شوارع | طريق | الطريق | طرق | رصيف* | ارصفه* | ممر مشاه | ممرات المشاه | سكه
            | زقاق
        ur: سڑک* | گلی | فٹ پاتھ* | راستے | راستہ
        rom: sadak* | sarak* | gali | footpath* | road | rasta | raste
        hi: सडक* | गली | फुटपाथ* | रोड | रास्ते
        fa: خیابان* | خیابون* | جاده* | سرک | کوچه* | پیاده رو*
        bn: রাস্তা* | গলি* | ফুটপাত*
        bn-Latn: rasta* | goli* | footpath*
        id: jalan | jalanan | gang | trotoar*
        ms: jalan raya | lorong | kaki lima
        tr: yol | yolda | yolu | sokak* | sokağ* | cadde* | kaldırım*
        fr: rue | rues | route* | ruelle* | chaussée* | trottoir* | avenue
        all: پیادهرو | پیادهروها | پیادهروهای | بزرگراه* | اتوبان* | سرکها | سرکای | میدون | چهارراه* | تونل
            | تونلها | پل عابر پیاده | عابر پیاده | রোড | রোডে | রোডের | সড়ক | সড়কে | সড়কের | ফুটপাথ*
            | মোড় | মোড়ে | টানেল* | মহাসড়ক* | sorok | futpath
        all: گلیاں | گلیوں | چوک | چوراہا | شاہراہ | فٹپاتھ | روڈ | galiyon | galiyan | galli | sadko
            | sadkon | sarkon | raasta | raaste | foot path | chowk | chauraha | गलियों | गलियां | रास्ता
            | रास्तों | मार्ग | चौराहा | चौराहे | राजमार्ग | हाईवे
        all: بردور* | بلدور* | حاره | حواري | زقاقات | ازقه | دوار | تقاطع | جسر | كوبري | نفق | معبر مشاه
            | alley* | roundabout* | intersection* | junction | highway* | tunnel* | bridge*
            | zebra crossing* | pedestrian crossing* | crosswalk* | side walk | side walks | foot path
        all: jalannya | jln | perempatan | pertigaan | persimpangan | simpang | bulatan | yollar* | yola
            | yolun | yoldan | yoldaki | bulvar* | kavşak* | refüj* | boulevard* | rond point | impasse
            | voie publique | bas côté
    """,
    "burial": """
        en: burial* | bury | buried | cemetery | cemeteries | grave | graves | graveyard* | funeral*
            | janaza* | janazah | washing the dead | deceased | death certificate | passed away | died
            | dead body | shroud* | kafan | body of | ikram | mawta | washing centre | hearse | mortuary
        ar: دفن* | مقبره* | مقابر* | قبر | قبور | القبر | جنازه* | جنايز | غسيل الموتي | تغسيل
            | مغسله الموتي | الموتي | متوفي* | المتوفي | وفاه | توفي* | كفن | تكفين | اكرام الموتي
            | جثمان* | جثه* | تصريح الدفن | ثلاجه الموتي | المعلاه | المعلا | ميتنا | مغسله
        ur: دفن* | قبرستان* | قبر | قبریں | جناز* | میت کی | میت کو | میت کے | انتقال | وفات | کفن | غسل
        rom: dafan* | dafn* | qabr* | qabar* | kabr* | qabristan* | kabristan* | janaz* | mayyat*
            | mayat | inteqal* | intiqal* | wafat | ghusl | kafan
        hi: दफन* | कब्र* | कब्रिस्तान* | जनाज* | मय्यत* | अंतिम संस्कार | मृत्यु | इंतकाल | निधन | लाश*
            | गुस्ल
        fa: دفن* | قبرستان* | قبر | قبرها | مزار* | آرامستان* | جنازه* | فوت | درگذشت* | میت | غسالخانه
            | کفن | متوفی*
        bn: দাফন* | কবর* | কবরস্থান* | জানাজা* | লাশ* | মৃতদেহ* | মারা গেছে* | মারা গেছেন | ইন্তেকাল*
            | মারা যান | গোসল
        bn-Latn: kobor* | dafon | dafan | janaza* | lash | mara gese | mara geche | mara gechen
            | mara gelo | intekal
        id: makam* | pemakaman* | kuburan* | kubur* | jenazah* | dikuburkan | meninggal* | wafat
            | mayat* | pemandian jenazah | kafan
        ms: tanah perkuburan | perkuburan* | kubur | jenazah
        tr: mezar* | cenaze* | defin* | defnet* | gasil* | vefat* | ölen | kefen* | morg
        fr: enterrement* | enterrer | inhumation* | cimetière* | la tombe | les tombes | tombes
            | tombeau* | funéraill* | défunt* | décédé* | décès | dépouille | linceul | janaza | morgue
            | corbillard | le corps
        all: defned* | defnedil* | غسالخونه | ikram al mawta
        all: dikebumikan | kebumi* | arwah | almarhum* | allahyarham*
        ur: تدفین | فوت | ڈیتھ سرٹیفکیٹ | نماز جنازہ
        bn: মৃত্যু | কাফন | জানাজার | দাফনের
        fa: تشییع* | خاکسپاری | گواهی فوت
        ar: الدفن | مقبرة | المقابر | الجنازه | صلاه الميت | شهاده وفاه
        hi: दफनाने | कफन | मृत्यु प्रमाण | जनाजे
        all: kafon* | kafoner | کفن | कफ़न | kefen* | linceul* | kain kafan
        all: غسال | قبرستون* | مرده شور | تابوت | گورکن | گور | گورستان* | جنت المعلی | جنت معلا | মাইয়েত*
            | মুর্দা | কাফনের | গোরস্থান* | জানাযা* | ইন্তিকাল* | মারা গেলে | মারা গিয়েছে | মারা গিয়েছেন
            | মারা যায় | ডেথ সার্টিফিকেট | মর্গ | gorosthan | goristan | janaja* | maiyet | mayet
            | mara jay | mara gele | mara gesen | mara gechhe | entekal | gosol
        all: گورکن | نعش | فوتگی | لاش | لاشیں | jnaza | mayyit | ghusal | laash | gorkan | gorkun
            | कबरिस्तान | कबरस्तान | शव | मृतक | देहांत | इंतेकाल | मुर्दाघर | गुसल
        all: دفان | دفانين | مرحوم* | الفقيد | قبره | اكفان | tomb | tombs | tombstone* | gravestone*
            | coffin* | corpse* | burry | maqbara*
        all: liang lahat | liang lahad | batu nisan | tpu | keranda | pengebumian | mengebumikan | kematian
            | gassal* | ölüm belgesi | ölüm raporu | naaş | tabut* | sépulture* | une tombe
            | toilette mortuaire | mortuaire* | cercueil* | funèbre* | inhumer | inhumé | inhumée
            | fossoyeur* | rapatriement du corps
    """,
    # Urdu/Hindi "meharbani" alone is not thanks: "مہربانی کر کے" is "please", in nearly every request.
    "thanks": """
        en: thank* | thanks | thx | great job | well done | appreciate*
        ar: شكرا | شكر* | جزاكم الله | يعطيكم العافيه | الله يعطيكم | مشكورين | ماقصرتو | ما قصرتوا
            | بارك الله
        ur: شکریہ | جزاک اللہ | آپ کی مہربانی | بہت مہربانی
        rom: shukriya* | shukria | jazakallah* | aap ki meharbani | bahut meharbani
        hi: धन्यवाद | शुक्रिया | बहुत अच्छा
        fa: ممنون* | مرسی | سپاس* | تشکر* | دست شما درد نکنه | خسته نباشید
        bn: ধন্যবাদ* | শুকরিয়া
        bn-Latn: dhonnobad | thank*
        id: terima kasih | makasih | jazakallah* | mantap
        ms: terima kasih | tahniah
        tr: teşekkür* | sağol* | eline sağlık | allah razı olsun
        fr: merci | remercie* | bravo | félicitations | barakallahu*
        ur: بہت شکریہ | اللہ آپ کو
        bn: অনেক ধন্যবাদ | আল্লাহ আপনাদের
        fa: متشکرم | خیلی ممنون
        ar: الله يجزاكم | شكر | يعطيك العافيه
        hi: बहुत धन्यवाद | शुक्रिया
        all: دستتون درد نکنه | دمتون گرم | دمت گرم | مچکرم | خدا خیرتون بده | خدا خیرت بده | زنده باشید
            | থ্যাংক* | থ্যাঙ্ক* | জাজাকাল্লাহ* | কৃতজ্ঞ* | donnobad
        all: تھینکس | تھینک یو | shukran | thnx | thnks | jazak allah | dhanyawad | dhanyavad | dhanywad
            | थैंक्स | थैंक यू | थैंक्यू | आभार | आपकी मेहरबानी | जजाकल्लाह
        all: مشكور | ماقصرتوا | ما قصرتو | ماقصرتم | متشكر* | احسنتم | تسلمون | تسلم ايدك | good job
            | nice work | grateful | thnx | thanx | keep it up
        all: terimakasih | trimakasih | trims | mksh | trmksh | tq | tqvm | tenkiu | tşkler | tşk ederim
            | eyvallah | sağ olun | sağ ol | mrc
    """,
    # A follow-up on an earlier report ("my complaint no. 4471 about garbage, any news?") is not a new
    # report of its category: staff answer it from the first case.
    "followup": """
        en: my complaint | my report | previous complaint | previous report | complaint number
            | report number | reference number | ticket number | any update | follow up | followup
        ar: بلاغي | شكوتي | رقم البلاغ | بلاغ رقم | البلاغ السابق | الشكوى السابقه | متابعه بلاغ
            | متابعه البلاغ | رقم الشكوى
        ur: میری شکایت | شکایت نمبر | پچھلی شکایت
        rom: meri complaint | complaint number | shikayat number | pichli complaint | meri shikayat
        hi: मेरी शिकायत | शिकायत नंबर | पिछली शिकायत
        fa: شکایتم | شماره شکایت | گزارشم | شماره گزارش | پیگیری شکایت
        bn: আমার অভিযোগ | অভিযোগ নম্বর | আগের অভিযোগ
        bn-Latn: amar complain | amar obhijog | complain number
        id: laporan sy | laporan saya | nomor laporan | no laporan | ditindaklanjuti | tindak lanjut
        ms: aduan saya | nombor aduan | no aduan | susulan aduan
        tr: şikayetim | yaptığım şikayet* | şikayet numara* | başvurum | başvuru numara*
        fr: ma réclamation | ma plainte | j'ai fait une réclamation | numéro de réclamation
            | numéro de plainte | mon signalement
        all: شکایت قبلی | گزارش قبلی | شکایت کرده بودم | کد رهگیری | کد پیگیری | شماره پیگیری | خبری نشد
            | কমপ্লেইন নম্বর | কমপ্লেইন নাম্বার | অভিযোগ নাম্বার | আগের কমপ্লেইন | কোনো খবর নাই
            | কোন খবর নেই | রেফারেন্স নম্বর | ager complain | complain nambar | obhijog number
            | kono khobor nai | kono khobor nei
        all: شکایت کی تھی | پہلے بھی شکایت | کمپلینٹ نمبر | میری کمپلینٹ | کوئی اپڈیٹ | pichli shikayat
            | pehle bhi complaint | complaint no | shikayat no | complain ki thi | complaint ki thi
            | shikayat ki thi | koi update | शिकायत की थी | पहले भी शिकायत | कंप्लेंट नंबर | मेरी कंप्लेंट
            | कोई अपडेट
        all: شكواي | بلاغ سابق | رفعت بلاغ | قدمت بلاغ | سويت بلاغ | عملت بلاغ | رفعت شكوى | قدمت شكوى
            | بلغت قبل | محد رد | ما احد رد | لم يتم الرد | اغلاق البلاغ | اغلقوا البلاغ | قفلوا البلاغ
            | complaint no | ref no | reference no | ticket no | case number | request number
            | already reported | reported before | reported earlier | complained before | still not solved
            | still not fixed | no response | no reply | any news
        all: laporan sebelumnya | pengaduan sebelumnya | aduan sebelum ini | aduan terdahulu | status aduan
            | status laporan | önceki şikayet* | numéro de dossier | réclamation précédente
            | plainte précédente
    """,
    "question": """
        en: how can i | how do i | how to | where can | where is | when will | what is | can i
            | is it possible | question | inquiry | enquiry | job* | vacancy | lost | appointment
            | status of my | my complaint | working hours | what documents
        ar: كيف | وين | متى | ابغى اسال | ابي اسال | استفسار* | وظيفه* | وظايف | توظيف | مفقود* | ضايع*
            | هل يمكن | هل فيه | ممكن اعرف | موعد | رقم البلاغ | بلاغي | شكواي | وش | ليه | دوام
        ur: کیسے | کہاں | کب | کیا میں | نوکری | گم | میری شکایت | معلوم
        rom: kaise | kahan | kab | kya main | naukri | nokri | gum ho | meri complaint | meri shikayat
            | pata karna
        hi: कैसे | कहां | कब | क्या मैं | नौकरी | खो गया | मेरी शिकायत
        fa: چطور | کجا | آیا | استخدام | گم شد* | شکایت من | سوال
        bn: কিভাবে | কোথায় | কখন | চাকরি | হারিয়ে | আমার অভিযোগ | জানতে চাই
        bn-Latn: kivabe | kibhabe | kothay | kokhon | chakri | hariye | amar complain
        id: bagaimana | gimana | dimana | di mana | kapan | bisakah | boleh tanya | lowongan | hilang
            | pengaduan saya | laporan saya
        ms: macam mana | nak tanya | boleh tak | jawatan kosong | aduan saya
        tr: nasıl | nerede | ne zaman | mümkün mü | iş başvuru* | kayıp | kaybettim | şikayetim | sorum
        fr: comment | où | quand | est-ce que | emploi | perdu | ma plainte | renseignement* | question
        all: کون سے | کاغذات | چه مدارکی | مدارک* | documents | اوراق مطلوبه | ايش الاوراق
            | hangi belge* | süreç nedir | nedir | कौन से कागज | क्या करना | কি কাগজ | কী লাগবে
            | syarat* | dokumen apa | chahiye kya | کیا کرنا
        all: pukul berapa | jam berapa | berapa | what time | kaç | quelle heure | kitne baje | چه ساعتی
            | test | testing | cubaan | coba | aplikasi | application | app | تطبيق | ایپ | ऐप | অ্যাপ
            | uygulama* | appli* | yenile* | renew* | renouveler | تجديد | perbaharui | online
        ur: کیا طریقہ | معلومات | سوال
        bn: প্রশ্ন | তথ্য | কিভাবে করব
        fa: چطوری | چگونه | اطلاعات
        ar: استفسار | سؤال | ابي اعرف | ابغى اعرف
        hi: जानकारी | सवाल | कैसे करें
        all: چجوری | چه جوری | ساعت کاری | دنبال کار | درخواست کار | کجاست | چنده | ساعت چند | بپرسم
            | راهنمایی کنید | راهنماییم کنید | چه وقت | কীভাবে | কেমনে | কবে | কত টাকা | কয়টায় | কয়টা
            | জানাবেন | জানতে চাচ্ছি | রিনিউ | নবায়ন | চাকুরি* | অফিস টাইম | কাগজপত্র | আবেদন* | kemne
            | kobe | koyta | koitay | koto taka | jante chai | janate chai | chakuri | kagojpotro | abedon
            | تمدید مجوز | تمدید پروانه
        all: کدھر | ملازمت | اوقات کار | kaisy | kidhar | kahaan | naukari | kagzat | kaghzat | किधर
            | रोजगार | कागजात | दस्तावेज
        all: استفسر | فين | ازاي | شلون | وشلون | ايش | كيفيه | عايز اعرف | عاوز اعرف | بدي اعرف | ابا اعرف
            | كم الرسوم | اصدار | how long | how much | which office | office hours | opening hours
            | timings | requirements | fees | may i know | i want to know | kindly advise | apply for
        all: jam operasional | jam buka | mau tanya | waktu operasi | waktu pejabat | boleh saya tahu
            | çalışma saat* | mesai saat* | bilgi almak | öğrenmek istiyorum | horaires | heures d'ouverture
            | je voudrais savoir
    """,
}

# Words that cancel a nearby concept or put it outside: "not rain", "pas dans un restaurant", "behind the
# restaurant" stand before it; "yağmur değil", "ye baarish ka nahi", "restaurant ke peeche", "দোকানের ভিতরে না"
# stand after it (postpositions). Only the concepts in NEGATABLE are affected.
_BEFORE = frozenset(
    tokens(
        "not no isnt isn't wasnt bukan tidak tak bkn pas non ne لا مو مب مش ليس ليست ماهو مهو غير ما نه "
        "behind near outside next beside opposite front ورا وراء خلف جنب قدام امام قرب بجانب حول برا dekat "
        "المحاذي المحاذيه محاذي المجاور المجاوره بجوار "
        "belakang depan samping sebelah luar seberang derrière près devant côté autour "
        "gak nggak ngga tdk xde x "
        "پشت جلوی کنار بیرون نزدیک"
    )
)
_AFTER = frozenset(
    tokens(
        "değil degil nahi nahin nai na nhi nahee نہیں نیست नहीं नही ना নয় না নেই নাই "
        "peeche pichhe paas samne saamne bahar پیچھے پاس سامنے باہر पीछे पास सामने बाहर "
        "arkasında önünde yanında dışında civarında পিছনে সামনে পাশে বাইরে bahire baire samne pashe"
    )
)
NEGATABLE = frozenset({"rain", "leak", "food_business", "water_network", "park"})


def _terms(block: str) -> list[str]:
    terms = []
    for line in block.strip().splitlines():
        line = re.sub(r"^\s*[A-Za-z-]+:", "", line)
        terms.extend(term.strip() for term in line.split("|") if term.strip())
    return terms


LEXICON = Lexicon({concept: _terms(block) for concept, block in CONCEPTS.items()}, typos=True)
# concepts that are rule inputs only: too generic to be features on their own
_FEATURE_CONCEPTS = tuple(
    concept for concept in LEXICON.concepts if concept not in {"cover_missing", "car_state"}
)


@dataclass(frozen=True, slots=True)
class _Found:
    """The concepts of one text, with the matches that are not negated or placed outside."""

    all: frozenset[str]
    affirmed: frozenset[str]


def _find(text: str) -> _Found:
    words = tokens(text)
    matches = LEXICON.find(words)
    affirmed = {match.concept for match in matches if not _cancelled(words, match)}
    return _Found(frozenset(match.concept for match in matches), frozenset(affirmed))


def _cancelled(words: list[str], match: Match) -> bool:
    if match.concept not in NEGATABLE:
        return False
    before = words[max(0, match.start - 3) : match.start]
    after = words[match.end : match.end + 2]
    return any(word in _BEFORE for word in before) or any(word in _AFTER for word in after)


# ---------------------------------------------------------------------------------------------------------
# Rules for the borderline cases. The first rule that holds wins.
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    category: str
    holds: Callable[[_Found], bool]


def _has(found: _Found, *concepts: str) -> bool:
    return all(concept in found.all for concept in concepts)


RULES: tuple[Rule, ...] = (
    Rule(
        "a dead animal is a cleanliness matter",
        "cleanliness",
        lambda f: "dead" in f.all and ("animal" in f.all or "pest" in f.all) and "wreck" not in f.all,
    ),
    Rule("graffiti is visual distortion", "visual_distortion", lambda f: _has(f, "graffiti")),
    Rule(
        "pests inside a place that sells food are a shop matter",
        "markets_shops",
        lambda f: "pest" in f.all and "food_business" in f.affirmed,
    ),
    Rule(
        "an open or missing manhole cover is a road hazard",
        "roads_sidewalks",
        lambda f: (
            _has(f, "manhole", "cover_missing")
            and not f.all & {"light", "utility", "park"}
            and "leak" not in f.affirmed
        ),
    ),
    Rule(
        "a garbage truck is a cleanliness matter",
        "cleanliness",
        lambda f: "garbage_truck" in f.all and not f.all & {"abandoned", "burnt", "wreck"},
    ),
    Rule(
        "a wrecked or abandoned vehicle",
        "abandoned_vehicles",
        lambda f: (
            "wreck" in f.all
            or ("vehicle" in f.all and f.all & {"abandoned", "burnt", "car_state"} and "road" not in f.all)
        ),
    ),
    Rule(
        "an abandoned building is a building matter",
        "buildings_encroachments",
        lambda f: _has(f, "abandoned", "construction") and "vehicle" not in f.all,
    ),
    Rule(
        "a lamp inside a park belongs to the park",
        "parks_facilities",
        lambda f: "light" in f.all and "park" in f.affirmed,
    ),
    Rule(
        "rubble dumped in the street is a cleanliness matter",
        "cleanliness",
        lambda f: "rubble" in f.all and not f.all & {"permit", "rain", "pooling"},
    ),
    Rule(
        "a leaking pipe or overflowing sewage is the utility's matter",
        "partner_entities",
        lambda f: (
            "rain" not in f.affirmed
            and not f.all & {"park", "visual", "pest", "animal", "burial"}
            and (
                "leak" in f.affirmed
                or (
                    "water_network" in f.affirmed
                    and not f.all & {"road", "cleanliness", "light", "construction"}
                )
            )
        ),
    ),
    Rule(
        "rain water pooling is a flood",
        "floods",
        lambda f: (
            "rain" in f.affirmed
            and "pooling" in f.all
            and "leak" not in f.affirmed
            and "water_network" not in f.affirmed
        ),
    ),
)
RULE_FLOOR = 0.6


def _apply_rule(probabilities: np.ndarray, index: int) -> np.ndarray:
    """Move category ``index`` to the top with at least RULE_FLOOR, keeping the others' proportions."""
    current = float(probabilities[index])
    target = current + (1.0 - current) * RULE_FLOOR
    rest = 1.0 - current
    adjusted = probabilities * ((1.0 - target) / rest if rest > 0 else 0.0)
    adjusted[index] = target
    return adjusted


# ---------------------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w\u0900-\u0dff]+")


def _char_ngrams(normalized: str) -> list[str]:
    """Character 2–5-grams inside each word padded with a space on both sides."""
    grams = []
    for word in _WORD.findall(normalized):
        padded = f" {word} "
        size = len(padded)
        for n in range(2, 6):
            if n > size:
                break
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


def _word_ngrams(normalized: str) -> list[str]:
    """Words and word bigrams."""
    words = _WORD.findall(normalized)
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


@dataclass(frozen=True, slots=True)
class Prediction:
    category: str
    confidence: float
    alternatives: list[tuple[str, float]]  # the next two categories, most likely first
    rule: str | None = None  # the borderline rule that moved the category to the top, if any


class CategoryModel:
    """A trained category model: build it with ``train`` or ``get_model``; read-only once built.

    Prediction needs numpy only (scikit-learn is imported for training), so loading a saved model is fast.
    """

    FORMAT = 1

    def __init__(
        self,
        categories: Sequence[str],
        chars: TfidfSpace,
        words: TfidfSpace,
        weights: np.ndarray,
        intercept: np.ndarray,
        concept_weight: float,
        trained_on: int,
    ) -> None:
        self.categories = tuple(categories)
        self._chars = chars
        self._words = words
        self._weights = weights  # (features, categories), float32
        self._intercept = intercept
        self._concept_weight = concept_weight
        self._concept_offset = words.offset + len(words.vocabulary)
        self.trained_on = trained_on
        self.format = self.FORMAT

    @property
    def feature_count(self) -> int:
        return int(self._weights.shape[0])

    def _sparse_row(self, text: str, found: _Found) -> tuple[list[int], list[float]]:
        normalized = normalize(text)
        columns: list[int] = []
        values: list[float] = []
        self._chars.add(_char_ngrams(normalized), columns, values)
        self._words.add(_word_ngrams(normalized), columns, values)
        for position, concept in enumerate(_FEATURE_CONCEPTS):
            if concept in found.affirmed:
                columns.append(self._concept_offset + position)
                values.append(self._concept_weight)
        return columns, values

    def probabilities(self, text: str) -> dict[str, float]:
        """The model's probability for every category (before the borderline rules)."""
        found = _find(text)
        return dict(zip(self.categories, self._probabilities(text, found).tolist(), strict=True))

    def _probabilities(self, text: str, found: _Found) -> np.ndarray:
        columns, values = self._sparse_row(text, found)
        scores = self._intercept.astype(np.float64)
        if columns:
            scores = scores + np.asarray(values, dtype=np.float64) @ self._weights[columns]
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(self, text: str) -> Prediction:
        """The most likely category of ``text``, its probability and the next two."""
        found = _find(text)
        row = self._probabilities(text, found)
        rule = next((rule for rule in RULES if rule.holds(found)), None)
        if rule is not None and rule.category in self.categories:
            row = _apply_rule(row, self.categories.index(rule.category))
        else:
            rule = None
        order = np.argsort(-row, kind="stable")[:3]
        ranked = [(self.categories[i], round(float(row[i]), 4)) for i in order]
        return Prediction(ranked[0][0], ranked[0][1], ranked[1:], rule.name if rule is not None else None)

    def predict_many(self, texts: Iterable[str]) -> list[Prediction]:
        return [self.predict(text) for text in texts]

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (pickle; read it back with ``CategoryModel.load``)."""
        Path(path).write_bytes(self.dumps())

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: str | Path) -> CategoryModel:
        """Read a model written by ``save``. Pickle runs code: load only files this installation wrote."""
        model = pickle.loads(Path(path).read_bytes())  # noqa: S301 - our own file, see the docstring
        if not isinstance(model, cls) or getattr(model, "format", None) != cls.FORMAT:
            raise TypeError(f"{path} does not hold a CategoryModel of format {cls.FORMAT}")
        return model


def train(
    examples: Iterable[tuple[str, str]] = (),
    *,
    include_corpus: bool = True,
    concept_weight: float = 2.0,
    c: float = 20.0,
) -> CategoryModel:
    """Train a model on the corpus' training split plus ``examples`` ((text, category) pairs).

    ``examples`` is typically the installation's own history of reports with the category staff settled on;
    they count like corpus examples. With ``include_corpus=False`` only ``examples`` are used.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts: list[str] = []
    labels: list[str] = []
    if include_corpus:
        for example in corpus.load("train"):
            texts.append(example.text)
            labels.append(example.category)
    for text, category in examples:
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        if text and text.strip():
            texts.append(text)
            labels.append(category)
    if len(set(labels)) < 2:
        raise ValueError("training needs examples of at least two categories")

    normalized = [normalize(text) for text in texts]
    found = [_find(text) for text in texts]
    matrices = []
    spaces = []
    offset = 0
    for analyzer, min_df in ((_char_ngrams, 2), (_word_ngrams, 1)):
        vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=min_df, dtype=np.float64)
        matrices.append(vectorizer.fit_transform(normalized))
        spaces.append(TfidfSpace(dict(vectorizer.vocabulary_), vectorizer.idf_.astype(np.float64), offset))
        offset += len(vectorizer.vocabulary_)
    concepts = np.array(
        [[concept_weight if concept in f.affirmed else 0.0 for concept in _FEATURE_CONCEPTS] for f in found]
    )
    matrices.append(sparse.csr_matrix(concepts))
    classifier = LogisticRegression(C=c, max_iter=1000)
    classifier.fit(sparse.hstack(matrices, format="csr"), labels)
    coef = classifier.coef_
    intercept = classifier.intercept_
    if coef.shape[0] == 1:  # two categories: scikit-learn keeps one row for the second class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return CategoryModel(
        [str(category) for category in classifier.classes_],
        spaces[0],
        spaces[1],
        np.ascontiguousarray(coef.T, dtype=np.float32),
        intercept.astype(np.float64),
        concept_weight,
        trained_on=len(texts),
    )


_model: CategoryModel | None = None
_lock = threading.Lock()


def get_model() -> CategoryModel:
    """The process-wide model, trained from the shipped corpus on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = train()
    return _model
