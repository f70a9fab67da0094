/**
 * The narration of `fedctl demo`, one text per step; `{name}` is filled in.
 * English is the source; every language has every key (a unit test checks).
 */
export const DEMO_TEXTS = {
  en: {
    title: 'OTS federation demo: a residence permit from KZ to TR, and tax services between KG and UZ',
    nodes: 'Nodes answering: {countries}',
    apply: '{citizen} applies at KZ for {service} of TR, consenting to share {consent}',
    submitted: 'KZ issued {documents} and sent application.submit to TR (message {jti})',
    receipt: 'TR signed receipt {receipt} for message {jti} (sha256 {digest})',
    verified: 'TR verified the attached documents against the pinned KZ root: {verdicts}; case is {status}',
    evidenceRequested: 'TR officer requests {docType}; KZ holds it for the citizen, outside the recorded consent',
    preview: 'The citizen sees exactly what would be sent: {preview}',
    approved: 'The citizen approves; KZ issues {docType} and TR verifies it: {verdict}',
    decided: 'TR officer approves: TR issues a residence-permit and sends application.decision',
    permit: "The permit is in the citizen's documents at KZ: {verdict}; timeline: {timeline}",
    taxCertificate: 'KG issues a tax residence certificate for {year} from its records, no officer involved, and delivers it to UZ',
    taxRecorded: 'UZ verified and recorded it for treaty relief: subject {subject}, year {year}',
    tinCheck: 'UZ asks KG about taxpayer {tin}: valid={valid}, resident={resident} (nothing else is shared)',
    done: 'Every step succeeded.',
    failed: 'Step failed: {reason}',
  },
  ru: {
    title: 'Демонстрация федерации ОТГ: вид на жительство из KZ в TR и налоговые услуги между KG и UZ',
    nodes: 'Узлы отвечают: {countries}',
    apply: '{citizen} подаёт в KZ заявление на услугу {service} (TR), соглашаясь передать {consent}',
    submitted: 'KZ выдал {documents} и отправил application.submit в TR (сообщение {jti})',
    receipt: 'TR подписал квитанцию {receipt} на сообщение {jti} (sha256 {digest})',
    verified: 'TR проверил приложенные документы по закреплённому корневому ключу KZ: {verdicts}; статус дела: {status}',
    evidenceRequested: 'Сотрудник TR запрашивает {docType}; KZ ждёт решения гражданина: это за рамками зафиксированного согласия',
    preview: 'Гражданин видит ровно то, что будет отправлено: {preview}',
    approved: 'Гражданин соглашается; KZ выдаёт {docType}, TR проверяет: {verdict}',
    decided: 'Сотрудник TR одобряет: TR выдаёт residence-permit и отправляет application.decision',
    permit: 'Разрешение находится среди документов гражданина в KZ: {verdict}; ход дела: {timeline}',
    taxCertificate:
      'KG выдаёт справку о налоговом резидентстве за {year} год по своим данным, без участия сотрудника, и доставляет её в UZ',
    taxRecorded: 'UZ проверил и зарегистрировал её для применения соглашения: субъект {subject}, год {year}',
    tinCheck: 'UZ спрашивает KG о налогоплательщике {tin}: valid={valid}, resident={resident} (больше ничего не передаётся)',
    done: 'Все шаги выполнены успешно.',
    failed: 'Шаг не выполнен: {reason}',
  },
  kk: {
    title: 'ТМҰ федерациясының демонстрациясы: KZ түйінінен TR түйініне тұруға рұқсат және KG мен UZ арасындағы салық қызметтері',
    nodes: 'Жауап беріп тұрған түйіндер: {countries}',
    apply: '{citizen} KZ түйіні арқылы TR елінің {service} қызметіне өтініш беріп, мына деректерді беруге келісім береді: {consent}',
    submitted: 'KZ құжаттарды берді ({documents}) және TR түйініне application.submit жіберді ({jti} идентификаторлы хабарлама)',
    receipt: 'TR {jti} идентификаторлы хабарлама үшін {receipt} түбіртегіне қол қойды (sha256 {digest})',
    verified: 'TR қоса берілген құжаттарды KZ елінің бекітілген түбірлік кілті бойынша тексерді: {verdicts}; іс мәртебесі: {status}',
    evidenceRequested:
      'TR қызметкері {docType} құжатын сұратады; бұл тіркелген келісімнің шеңберінен тыс болғандықтан, KZ сұрауды азаматтың шешіміне дейін ұстап тұр',
    preview: 'Азамат не жіберілетінін дәл көреді: {preview}',
    approved: 'Азамат келісім береді; KZ {docType} құжатын береді, ал TR оны тексереді: {verdict}',
    decided: 'TR қызметкері өтінішті мақұлдайды: TR residence-permit құжатын беріп, application.decision жібереді',
    permit: 'Рұқсат азаматтың KZ түйініндегі құжаттарының арасында: {verdict}; іс барысы: {timeline}',
    taxCertificate:
      'KG өз деректері бойынша {year} жылға салық резиденттігі туралы анықтама береді (қызметкердің қатысуынсыз) және оны UZ түйініне жеткізеді',
    taxRecorded: 'UZ оны тексеріп, салық келісімі бойынша жеңілдік қолдану үшін тіркеді: субъект {subject}, жыл {year}',
    tinCheck:
      'UZ түйіні KG түйінінен {tin} нөмірлі салық төлеуші туралы сұрайды: valid={valid}, resident={resident} (басқа ешнәрсе берілмейді)',
    done: 'Барлық қадам сәтті орындалды.',
    failed: 'Қадам орындалмады: {reason}',
  },
  tr: {
    title: "TDT federasyonu demosu: KZ'den TR'ye oturma izni ve KG ile UZ arasında vergi hizmetleri",
    nodes: 'Yanıt veren düğümler: {countries}',
    apply: "{citizen}, KZ'de TR'nin {service} hizmeti için başvuruyor ve şunların paylaşılmasına onay veriyor: {consent}",
    submitted: "KZ belgeleri düzenledi ({documents}) ve TR'ye application.submit gönderdi ({jti} kimlikli mesaj)",
    receipt: 'TR, {jti} kimlikli mesaj için {receipt} kimlikli alındı belgesini imzaladı (sha256 {digest})',
    verified: 'TR, ekli belgeleri sabitlenmiş KZ kök anahtarına göre doğruladı: {verdicts}; dosyanın durumu: {status}',
    evidenceRequested:
      'TR görevlisi {docType} belgesini istiyor; bu, kayıtlı onayın kapsamı dışında kaldığından KZ talebi vatandaşın kararına kadar bekletiyor',
    preview: 'Vatandaş neyin gönderileceğini tam olarak görüyor: {preview}',
    approved: 'Vatandaş onaylıyor; KZ {docType} belgesini düzenliyor, TR de belgeyi doğruluyor: {verdict}',
    decided: 'TR görevlisi başvuruyu onaylıyor: TR bir residence-permit belgesi düzenliyor ve application.decision gönderiyor',
    permit: "İzin, vatandaşın KZ'deki belgeleri arasında: {verdict}; zaman çizelgesi: {timeline}",
    taxCertificate:
      "KG, hiçbir görevli müdahil olmadan kendi kayıtlarına dayanarak {year} yılı için vergi mukimlik belgesi düzenliyor ve UZ'ye iletiyor",
    taxRecorded: 'UZ belgeyi doğruladı ve vergi anlaşması kapsamındaki indirim için kaydetti: kişi {subject}, yıl {year}',
    tinCheck:
      "UZ, {tin} vergi kimlik numaralı mükellef hakkında KG'ye soruyor: valid={valid}, resident={resident} (başka hiçbir bilgi paylaşılmıyor)",
    done: 'Tüm adımlar başarıyla tamamlandı.',
    failed: 'Adım başarısız oldu: {reason}',
  },
  ky: {
    title: 'ТМУ федерациясынын демонстрациясы: KZ түйүнүнөн TR түйүнүнө жашоого уруксат жана KG менен UZ ортосундагы салык кызматтары',
    nodes: 'Жооп берип жаткан түйүндөр: {countries}',
    apply:
      '{citizen} KZ түйүнү аркылуу TR өлкөсүнүн {service} кызматына арыз берип, төмөнкү маалыматтарды берүүгө макулдук берет: {consent}',
    submitted: 'KZ документтерди берди ({documents}) жана TR түйүнүнө application.submit жөнөттү ({jti} идентификатору бар билдирүү)',
    receipt: 'TR {jti} идентификатору бар билдирүү үчүн {receipt} квитанциясына кол койду (sha256 {digest})',
    verified: 'TR тиркелген документтерди KZ өлкөсүнүн бекитилген түпкү ачкычы боюнча текшерди: {verdicts}; иштин абалы: {status}',
    evidenceRequested:
      'TR кызматкери {docType} документин сурайт; бул катталган макулдуктун чегинен тышкары болгондуктан, KZ суроону жарандын чечимине чейин кармап турат',
    preview: 'Жаран эмне жөнөтүлө турганын так көрүп турат: {preview}',
    approved: 'Жаран макулдук берет; KZ {docType} документин берет, ал эми TR аны текшерет: {verdict}',
    decided: 'TR кызматкери арызды жактырат: TR residence-permit документин берип, application.decision жөнөтөт',
    permit: 'Уруксат KZ түйүнүндөгү жарандын документтеринин арасында: {verdict}; иштин жүрүшү: {timeline}',
    taxCertificate:
      'KG өз маалыматтарынын негизинде {year} жылга салыктык резиденттик жөнүндө маалымкат берет (кызматкердин катышуусуз) жана аны UZ түйүнүнө жеткирет',
    taxRecorded: 'UZ аны текшерип, салык келишими боюнча жеңилдик колдонуу үчүн каттады: субъект {subject}, жыл {year}',
    tinCheck:
      'UZ түйүнү KG түйүнүнөн {tin} номерлүү салык төлөөчү жөнүндө сурайт: valid={valid}, resident={resident} (башка эч нерсе берилбейт)',
    done: 'Бардык кадамдар ийгиликтүү аткарылды.',
    failed: 'Кадам аткарылган жок: {reason}',
  },
  uz: {
    title: 'TDT federatsiyasi namoyishi: KZ tugunidan TR tuguniga yashash uchun ruxsatnoma hamda KG va UZ oʻrtasidagi soliq xizmatlari',
    nodes: 'Javob berayotgan tugunlar: {countries}',
    apply:
      '{citizen} KZ tuguni orqali TR davlatining {service} xizmatiga ariza beradi va quyidagilarni ulashishga rozilik bildiradi: {consent}',
    submitted: 'KZ hujjatlarni berdi ({documents}) va TR tuguniga application.submit yubordi ({jti} identifikatorli xabar)',
    receipt: 'TR {jti} identifikatorli xabar uchun {receipt} identifikatorli kvitansiyani imzoladi (sha256 {digest})',
    verified: 'TR ilova qilingan hujjatlarni KZ davlatining qayd etilgan ildiz kaliti boʻyicha tekshirdi: {verdicts}; ish holati: {status}',
    evidenceRequested:
      'TR xodimi {docType} hujjatini soʻraydi; bu qayd etilgan rozilik doirasidan tashqarida boʻlgani uchun KZ soʻrovni fuqaro qaroriga qadar ushlab turadi',
    preview: 'Fuqaro aynan nima yuborilishini koʻrib turibdi: {preview}',
    approved: 'Fuqaro rozilik beradi; KZ {docType} hujjatini beradi, TR esa uni tekshiradi: {verdict}',
    decided: 'TR xodimi arizani maʼqullaydi: TR residence-permit hujjatini beradi va application.decision yuboradi',
    permit: 'Ruxsatnoma fuqaroning KZ tugunidagi hujjatlari orasida: {verdict}; ish jarayoni: {timeline}',
    taxCertificate:
      'KG oʻz maʼlumotlari asosida {year} yil uchun soliq rezidentligi toʻgʻrisida maʼlumotnoma beradi (xodim ishtirokisiz) va uni UZ tuguniga yetkazadi',
    taxRecorded: 'UZ uni tekshirib, soliq shartnomasi boʻyicha imtiyoz qoʻllash uchun qayd etdi: subyekt {subject}, yil {year}',
    tinCheck:
      'UZ tuguni KG tugunidan {tin} raqamli soliq toʻlovchi haqida soʻraydi: valid={valid}, resident={resident} (boshqa hech narsa ulashilmaydi)',
    done: 'Barcha qadamlar muvaffaqiyatli bajarildi.',
    failed: 'Qadam bajarilmadi: {reason}',
  },
  az: {
    title: 'TDT federasiyasının nümayişi: KZ qovşağından TR qovşağına yaşamaq üçün icazə, həmçinin KG və UZ arasında vergi xidmətləri',
    nodes: 'Cavab verən qovşaqlar: {countries}',
    apply:
      '{citizen} KZ qovşağı vasitəsilə TR ölkəsinin {service} xidmətinə müraciət edir və aşağıdakıların paylaşılmasına razılıq verir: {consent}',
    submitted: 'KZ sənədləri verdi ({documents}) və TR qovşağına application.submit göndərdi ({jti} identifikatorlu mesaj)',
    receipt: 'TR {jti} identifikatorlu mesaj üçün {receipt} identifikatorlu qəbzi imzaladı (sha256 {digest})',
    verified: 'TR əlavə edilmiş sənədləri KZ ölkəsinin sabitlənmiş kök açarı ilə yoxladı: {verdicts}; işin statusu: {status}',
    evidenceRequested:
      'TR əməkdaşı {docType} sənədini tələb edir; bu, qeydə alınmış razılığın hüdudlarından kənarda olduğu üçün KZ sorğunu vətəndaşın qərarına qədər saxlayır',
    preview: 'Vətəndaş nəyin göndəriləcəyini dəqiq görür: {preview}',
    approved: 'Vətəndaş razılıq verir; KZ {docType} sənədini verir, TR isə onu yoxlayır: {verdict}',
    decided: 'TR əməkdaşı müraciəti təsdiqləyir: TR residence-permit sənədini verir və application.decision göndərir',
    permit: 'İcazə vətəndaşın KZ qovşağındakı sənədləri arasındadır: {verdict}; işin gedişatı: {timeline}',
    taxCertificate:
      'KG öz qeydləri əsasında {year} ili üçün vergi rezidentliyi haqqında arayış verir (heç bir əməkdaşın iştirakı olmadan) və onu UZ qovşağına çatdırır',
    taxRecorded: 'UZ onu yoxladı və vergi müqaviləsi üzrə güzəşt tətbiq etmək üçün qeydə aldı: subyekt {subject}, il {year}',
    tinCheck:
      'UZ qovşağı KG qovşağından {tin} nömrəli vergi ödəyicisi barədə soruşur: valid={valid}, resident={resident} (başqa heç nə paylaşılmır)',
    done: 'Bütün addımlar uğurla başa çatdı.',
    failed: 'Addım uğursuz oldu: {reason}',
  },
  hu: {
    title: 'A TÁSZ-föderáció bemutatója: tartózkodási engedély KZ-ből TR-be, valamint adóügyi szolgáltatások KG és UZ között',
    nodes: 'Válaszoló csomópontok: {countries}',
    apply: '{citizen} KZ-ben kérelmet nyújt be TR egyik szolgáltatására ({service}), és hozzájárul a következők megosztásához: {consent}',
    submitted: 'KZ kiállította a dokumentumokat ({documents}), és application.submit üzenetet küldött TR-nek (üzenetazonosító: {jti})',
    receipt: 'TR aláírta a(z) {jti} azonosítójú üzenet nyugtáját: {receipt} (sha256 {digest})',
    verified: 'TR a rögzített KZ-gyökérkulccsal ellenőrizte a csatolt dokumentumokat: {verdicts}; az ügy állapota: {status}',
    evidenceRequested:
      'TR ügyintézője bekéri a következő dokumentumot: {docType}; mivel ez kívül esik a rögzített hozzájáruláson, KZ az állampolgár döntéséig visszatartja a kérést',
    preview: 'Az állampolgár pontosan azt látja, ami elküldésre kerülne: {preview}',
    approved: 'Az állampolgár jóváhagyja; KZ kiállítja a dokumentumot ({docType}), TR pedig ellenőrzi: {verdict}',
    decided:
      'TR ügyintézője jóváhagyja a kérelmet: TR kiállít egy residence-permit dokumentumot, és elküldi az application.decision üzenetet',
    permit: 'Az engedély ott van az állampolgár dokumentumai között KZ-ben: {verdict}; idővonal: {timeline}',
    taxCertificate:
      'KG saját nyilvántartásai alapján, ügyintéző közreműködése nélkül kiállítja az adóügyi illetőségigazolást (adóév: {year}), és továbbítja UZ-nek',
    taxRecorded:
      'UZ ellenőrizte az igazolást, és az egyezmény szerinti adókedvezményhez nyilvántartásba vette: érintett {subject}, adóév {year}',
    tinCheck:
      'UZ egy adózóról érdeklődik KG-nél (adóazonosító: {tin}): valid={valid}, resident={resident} (semmi más adat nem kerül megosztásra)',
    done: 'Minden lépés sikeresen lezajlott.',
    failed: 'A lépés sikertelen: {reason}',
  },
  tk: {
    title:
      'TDG federasiýasynyň demonstrasiýasy: KZ düwüninden TR düwünine ýaşamak üçin ygtyýarnama, şeýle hem KG bilen UZ arasynda salgyt hyzmatlary',
    nodes: 'Jogap berýän düwünler: {countries}',
    apply:
      '{citizen} KZ düwüni arkaly TR ýurdunyň {service} hyzmatyna arza berýär we şu maglumatlaryň paýlaşylmagyna razylyk berýär: {consent}',
    submitted: 'KZ resminamalary berdi ({documents}) we TR düwünine application.submit iberdi ({jti} identifikatorly habar)',
    receipt: 'TR {jti} identifikatorly habar üçin {receipt} kwitansiýasyna gol çekdi (sha256 {digest})',
    verified: 'TR goşulan resminamalary KZ ýurdunyň berkidilen kök açary boýunça barlady: {verdicts}; işiň ýagdaýy: {status}',
    evidenceRequested:
      'TR işgäri {docType} resminamasyny soraýar; bu hasaba alnan razylygyň çäginden daşarda bolany üçin KZ haýyşy raýatyň kararyna çenli saklaýar',
    preview: 'Raýat iberiljek zady takyk görýär: {preview}',
    approved: 'Raýat razylyk berýär; KZ {docType} resminamasyny berýär, TR bolsa ony barlaýar: {verdict}',
    decided: 'TR işgäri arzany makullaýar: TR residence-permit resminamasyny berýär we application.decision iberýär',
    permit: 'Ýaşamak üçin ygtyýarnama raýatyň KZ düwünindäki resminamalarynyň arasynda: {verdict}; işiň barşy: {timeline}',
    taxCertificate:
      'KG öz maglumatlary esasynda {year} ýyl üçin salgyt rezidentligi barada güwänama berýär (hiç bir işgär gatnaşmazdan) we ony UZ düwünine ýetirýär',
    taxRecorded: 'UZ ony barlady we salgyt ylalaşygy boýunça ýeňillik ulanmak üçin hasaba aldy: subýekt {subject}, ýyl {year}',
    tinCheck:
      'UZ düwüni KG düwüninden {tin} belgili salgyt töleýji barada soraýar: valid={valid}, resident={resident} (başga hiç zat paýlaşylmaýar)',
    done: 'Ähli ädimler üstünlikli ýerine ýetirildi.',
    failed: 'Ädim ýerine ýetirilmedi: {reason}',
  },
} as const;

export type DemoKey = keyof (typeof DEMO_TEXTS)['en'];
export type DemoLanguage = keyof typeof DEMO_TEXTS;
