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
        bn: কুকুর* | বিড়াল* | বেড়াল* | সাপ | সাপে | সাপের | সাপটা | বিচ্ছু* | কবুতর* | পায়রা* | ছাগল* | উট | গরু* | প্রাণী*
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
        tr: yemek* | çiğ et | kırmızı et | etler | tavuk | balık | ekmek | süt | yoğurt | meyve* | pilav | sebze* | tatlı
            | bisküvi
        fr: nourriture | repas | viande | poulet | poisson | pain | lait | yaourt | jus | riz | légumes
            | fruits | gâteaux | biscuits
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
        all: décharge* | dépotoir* | dump | dumping ground | مكب | مكبات | مكب النفايات | مكب نفايات | tempat pembuangan | تلنبار
            | çöp yığın*
        ur: کچرا کنڈی | خاکروب* | جھاڑو | ڈھیر | گندا* | گندی | صاف
        bn: ময়লার স্তূপ | স্তূপ | জঞ্জাল* | নোংরামি | সাফ
        fa: بوی گند | رفتگر* | کیسه های زباله | زباله دان* | تلنبار
        ar: تنظيف | نظيف | وصخ | زبالة | كرتون | قذاره | روائح
        hi: ढेर | झाडू | साफ* | गंदगी का
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
    """,
    "thanks": """
        en: thank* | thanks | thx | great job | well done | appreciate*
        ar: شكرا | شكر* | جزاكم الله | يعطيكم العافيه | الله يعطيكم | مشكورين | ماقصرتو | ما قصرتوا
            | بارك الله
        ur: شکریہ | جزاک اللہ | مہربانی
        rom: shukriya* | shukria | jazakallah* | meharbani
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
