/**
 * Realistic, varied ticket text for the five demo brands in their customers' languages (French,
 * English, Russian, Romanian, Swedish): subjects and descriptions built from product, symptom,
 * context, detail and troubleshooting fragments, with serial numbers, error codes, versions and
 * phone numbers filled in at random — so no two tickets carry the same text and full-text search
 * meets a real vocabulary. Also the intake-form custom fields each brand requires, conversation
 * entries, requester identities and search terms.
 */
import type { Locale } from '../../src/platform/db/schema.ts';
import type { Rng } from './rng.ts';

export type BrandSlug = 'carri' | 'mecashop' | 'charge-amps' | 'eiler' | 'smart-id';
export const BRAND_SLUGS: readonly BrandSlug[] = ['carri', 'mecashop', 'charge-amps', 'eiler', 'smart-id'];

/** Share of each brand in the ticket flow, and of each language among a brand's customers. */
export const BRAND_WEIGHTS: readonly (readonly [BrandSlug, number])[] = [
  ['carri', 30],
  ['charge-amps', 25],
  ['mecashop', 20],
  ['smart-id', 15],
  ['eiler', 10],
];
const BRAND_LANGS: Record<BrandSlug, readonly (readonly [Locale, number])[]> = {
  carri: [['fr', 80], ['en', 20]],
  mecashop: [['fr', 100]],
  'charge-amps': [['sv', 60], ['en', 25], ['fr', 15]],
  eiler: [['ru', 85], ['en', 15]],
  'smart-id': [['ro', 80], ['en', 20]],
};

export const AGENT_EMAIL: Record<BrandSlug, string> = {
  carri: 'agent@carri.example',
  mecashop: 'agent@mecashop.example',
  'charge-amps': 'agent@charge-amps.example',
  eiler: 'agent@eiler.example',
  'smart-id': 'agent@smart-id.example',
};

interface Product {
  /** Symptoms tagged `kind|…` only go with products of that kind. */
  kind?: string;
  /** The product as it reads mid-sentence, per language. */
  name: Partial<Record<Locale, string>>;
  /** Serial pattern: # a digit, @ a letter. Absent: the product has no serial (software). */
  serial: string;
}

const PRODUCTS: Record<BrandSlug, Product[]> = {
  carri: [
    { kind: 'server', name: { fr: 'serveur CS-R540', en: 'CS-R540 server' }, serial: 'CS540-####-@#' },
    { kind: 'server', name: { fr: 'serveur CS-R740', en: 'CS-R740 server' }, serial: 'CS740-####-@#' },
    { kind: 'printer', name: { fr: 'imprimante réseau CP-8812', en: 'CP-8812 network printer' }, serial: 'CP-8812-####' },
    { kind: 'printer', name: { fr: 'imprimante laser CP-4410', en: 'CP-4410 laser printer' }, serial: 'CP-4410-####' },
    { kind: 'network', name: { fr: 'switch CS-SW24', en: 'CS-SW24 switch' }, serial: 'SW24-######' },
    { kind: 'ups', name: { fr: 'onduleur CS-UPS1500', en: 'CS-UPS1500 UPS' }, serial: 'UPS15-#####' },
    { kind: 'server', name: { fr: 'poste de travail CS-WS300', en: 'CS-WS300 workstation' }, serial: 'WS300-####-@#' },
    { kind: 'server', name: { fr: 'baie de stockage CS-NAS8', en: 'CS-NAS8 storage array' }, serial: 'NAS8-######' },
  ],
  mecashop: [
    { name: { fr: 'tondeuse thermique TD-46' }, serial: 'TD-####-##' },
    { name: { fr: 'tondeuse électrique TE-38' }, serial: 'TE-####-##' },
    { name: { fr: 'tronçonneuse TR-45' }, serial: 'TR-####-##' },
    { name: { fr: 'débroussailleuse DB-52' }, serial: 'DB-####-##' },
    { name: { fr: 'taille-haie TH-60' }, serial: 'TH-####-##' },
    { name: { fr: 'nettoyeur haute pression NP-150' }, serial: 'NP150-#####' },
    { name: { fr: 'perceuse-visseuse PV-18' }, serial: 'PV18-#####' },
    { name: { fr: 'robot tondeuse RT-800' }, serial: 'RT800-######' },
  ],
  'charge-amps': [
    { name: { sv: 'laddboxen Halo', en: 'Halo charger', fr: 'borne de recharge Halo' }, serial: 'CA-HALO-######' },
    { name: { sv: 'laddboxen Aura', en: 'Aura charger', fr: 'borne de recharge Aura' }, serial: 'CA-AURA-######' },
    { name: { sv: 'laddstationen Dawn', en: 'Dawn charging station', fr: 'borne Dawn' }, serial: 'CA-DAWN-######' },
    { name: { sv: 'laddkabeln typ 2', en: 'Type 2 charging cable', fr: 'câble de recharge type 2' }, serial: 'CA-CBL-######' },
    { name: { sv: 'lastbalanseraren Amp Guard', en: 'Amp Guard load balancer', fr: 'délesteur Amp Guard' }, serial: 'CA-AMPG-#####' },
    { name: { sv: 'laddstolpen Beam', en: 'Beam charging post', fr: 'borne sur pied Beam' }, serial: 'CA-BEAM-######' },
  ],
  eiler: [
    { name: { ru: 'клиент Eiler 5', en: 'Eiler 5 desktop client' }, serial: 'EIL-####-####' },
    { name: { ru: 'модуль «Отчёты»', en: 'Reports module' }, serial: 'EIL-####-####' },
    { name: { ru: 'сервер лицензий', en: 'license server' }, serial: 'EIL-####-####' },
    { name: { ru: 'модуль «Склад»', en: 'Warehouse module' }, serial: 'EIL-####-####' },
    { name: { ru: 'веб-кабинет Eiler', en: 'Eiler web portal' }, serial: 'EIL-####-####' },
    { name: { ru: 'мобильное приложение Eiler', en: 'Eiler mobile app' }, serial: 'EIL-####-####' },
    { name: { ru: 'модуль «Зарплата»', en: 'Payroll module' }, serial: 'EIL-####-####' },
  ],
  'smart-id': [
    { name: { ro: 'terminalul POS T4', en: 'T4 POS terminal' }, serial: 'SID-T4-######' },
    { name: { ro: 'imprimanta de etichete P2', en: 'P2 label printer' }, serial: 'SID-P2-######' },
    { name: { ro: 'scannerul de coduri de bare S7', en: 'S7 barcode scanner' }, serial: 'SID-S7-######' },
    { name: { ro: 'imprimanta de carduri C3', en: 'C3 card printer' }, serial: 'SID-C3-######' },
    { name: { ro: 'cititorul de carduri R1', en: 'R1 card reader' }, serial: 'SID-R1-######' },
    { name: { ro: 'terminalul mobil M10', en: 'M10 mobile computer' }, serial: 'SID-M10-#####' },
  ],
};

interface Vocab {
  /** Verb phrases following the product. */
  symptoms: string[];
  contexts: string[];
  /** Troubleshooting already done (also the "steps" custom fields). */
  actions: string[];
  details: string[];
  replies: string[];
  customer: string[];
  internal: string[];
  phone: string[];
}

type Key = `${BrandSlug}/${Locale}`;

const VOCAB: Partial<Record<Key, Vocab>> = {
  'carri/fr': {
    symptoms: ['ne démarre plus', 'redémarre en boucle', 'affiche un voyant orange fixe', 'perd la connexion réseau plusieurs fois par jour', 'fait un bruit de ventilateur anormal', 'server|signale un disque en panne', 'server|reste sur un écran noir au démarrage', 'ups|déclenche une alarme batterie', 'est devenu très lent', 'printer|imprime des pages blanches', 'printer|fait des bourrages papier répétés', 'surchauffe et s’éteint', 'server|ne détecte plus le second bloc d’alimentation'],
    contexts: ['depuis la coupure de courant de ce matin', 'depuis la dernière mise à jour du firmware', 'après le déménagement de la salle serveur', 'depuis lundi', 'après un orage dans la nuit', 'de manière intermittente depuis deux semaines', 'depuis le remplacement de la carte réseau'],
    actions: ['Débranché 30 s puis rebranché.', 'Autre prise électrique testée.', 'Câble réseau remplacé.', 'Barrette mémoire réinsérée.', 'Redémarrage complet effectué.', 'Bac papier nettoyé et papier changé.', 'Firmware réinstallé en version {ver}.', 'Journal système consulté : erreur {code}.'],
    details: ['La production est arrêtée, merci d’intervenir rapidement.', 'Aucun message d’erreur n’apparaît.', 'Le code erreur {code} s’affiche sur le panneau de contrôle.', 'L’appareil est sous contrat de maintenance jusqu’en {year}.', 'Le problème touche {n} postes du service comptabilité.', 'Merci de rappeler le client au {phone}.', 'Le client peut donner accès à la salle serveur du lundi au vendredi.'],
    replies: ['Bonjour,\n\nmerci pour votre message. Pouvez-vous nous envoyer une photo de l’étiquette et le journal d’erreurs ?\n\nCordialement,\nHotline CARRI Systems', 'Bonjour, un technicien passera sur site {day} entre 9 h et 12 h pour remplacer le bloc d’alimentation.', 'Bonjour, la pièce de rechange a été expédiée ce jour, numéro de suivi {track}.', 'Bonjour, le firmware {ver} corrige ce problème ; merci de confirmer après installation.'],
    customer: ['Bonjour, voici la photo demandée. Le voyant est toujours orange.', 'Merci, l’intervention a réglé le problème.', 'Le problème est revenu ce matin, même symptôme.', 'Pouvez-vous me donner un délai pour la pièce ?'],
    internal: ['Probable bloc d’alimentation HS, prévoir intervention sur site.', 'Vérifier la garantie : achat via revendeur.', 'Même panne que le dossier précédent, lot de disques défectueux ?'],
    phone: ['Appel du client : le matériel {symptom}, pas de bip au démarrage.', 'Client rappelé, il confirme que le problème persiste.'],
  },
  'carri/en': {
    symptoms: ['no longer boots', 'keeps rebooting', 'shows a steady amber light', 'loses its network connection several times a day', 'makes an abnormal fan noise', 'server|reports a failed disk', 'server|stays on a black screen at startup', 'ups|raises a battery alarm', 'has become very slow', 'printer|prints blank pages', 'printer|keeps jamming paper', 'overheats and shuts down'],
    contexts: ['since this morning’s power cut', 'since the last firmware update', 'after the server room was moved', 'since Monday', 'after a thunderstorm last night', 'intermittently for two weeks'],
    actions: ['Unplugged for 30 s and plugged back in.', 'Tried another power socket.', 'Replaced the network cable.', 'Reseated the memory module.', 'Full restart done.', 'Reinstalled firmware {ver}.', 'Checked the system log: error {code}.'],
    details: ['Production is down, please send someone quickly.', 'No error message is shown.', 'Error code {code} appears on the control panel.', 'The unit is under a maintenance contract until {year}.', 'The problem affects {n} workstations in accounting.', 'Please call the customer back on {phone}.'],
    replies: ['Hello,\n\nthank you for your message. Could you send us a photo of the label and the error log?\n\nBest regards,\nCARRI Systems support', 'Hello, a technician will come on site {day} between 9 and 12 to replace the power supply.', 'Hello, the spare part was shipped today, tracking number {track}.', 'Hello, firmware {ver} fixes this issue; please confirm once installed.'],
    customer: ['Hello, here is the photo you asked for. The light is still amber.', 'Thanks, the visit fixed the problem.', 'The problem came back this morning, same symptom.', 'Can you give me a date for the part?'],
    internal: ['Likely a dead power supply, plan an on-site visit.', 'Check warranty: bought through a reseller.', 'Same failure as the previous case, faulty disk batch?'],
    phone: ['Customer called: the unit {symptom}, no beep at startup.', 'Called the customer back, the problem persists.'],
  },
  'mecashop/fr': {
    symptoms: ['ne démarre pas', 'perd de l’huile sous le moteur', 'a une lame qui ne tourne plus', 'cale après quelques minutes', 'ne charge plus', 'fait un bruit anormal au démarrage', 'a un carter fissuré', 'a un lanceur cassé', 'vibre fortement', 's’arrête dès qu’on relâche la gâchette', 'ne s’allume plus'],
    contexts: ['dès la réception', 'après deux utilisations', 'après l’hivernage', 'depuis le changement de bougie', 'au bout de trois semaines', 'depuis le dernier plein d’essence'],
    actions: ['Niveau d’huile vérifié.', 'Bougie changée.', 'Batterie chargée toute une nuit.', 'Essence neuve utilisée.', 'Notice relue, procédure de démarrage respectée.'],
    details: ['Commande {order} passée le {date}.', 'Le produit n’a jamais été utilisé.', 'Je souhaite un échange ou un remboursement.', 'Le colis était abîmé à la livraison.', 'Photos du défaut jointes.', 'Je suis joignable au {phone}.'],
    replies: ['Bonjour, nous organisons l’enlèvement de l’appareil ; le remplacement partira dès le ramassage effectué.', 'Bonjour, pouvez-vous nous envoyer une photo du défaut et de l’étiquette ?', 'Bonjour, la pièce manquante est expédiée aujourd’hui, suivi {track}.', 'Bonjour, le remboursement de la commande {order} a été effectué.'],
    customer: ['Voici les photos demandées.', 'Le transporteur n’est pas passé, pouvez-vous relancer ?', 'J’ai bien reçu l’appareil de remplacement, merci.', 'Toujours pas de nouvelles de mon remboursement.'],
    internal: ['Défaut connu sur le lot {code}, échange direct.', 'Client déjà remboursé une fois, vérifier.', 'Atelier : carburateur à nettoyer.'],
    phone: ['Appel client : l’appareil {symptom}, souhaite un échange.', 'Client rappelé, enlèvement confirmé {day}.'],
  },
  'charge-amps/sv': {
    symptoms: ['slutar ladda efter tio minuter', 'startar inte laddningen', 'visar felkod {code}', 'lyser rött hela tiden', 'tappar wifi-anslutningen', 'har en skadad kabel', 'löser ut jordfelsbrytaren', 'känner inte igen RFID-taggen', 'laddar med för låg effekt', 'går inte att koppla till appen'],
    contexts: ['sedan uppdateringen av mjukvaran', 'efter strömavbrottet i går', 'sedan installationen', 'när det är minusgrader ute', 'sedan förra veckan', 'efter att elmätaren byttes'],
    actions: ['Startat om laddboxen.', 'Kontrollerat säkringarna.', 'Testat med en annan bil.', 'Återställt appen och loggat in igen.', 'Elektrikern har mätt spänningen: {n} V.'],
    details: ['Felkod {code} visas i appen.', 'Kunden har två elbilar och behöver ladda varje natt.', 'Installationen gjordes av en behörig elektriker {pastyear}.', 'Kvitto och bild på installationen bifogas.', 'Ring gärna kunden på {phone}.'],
    replies: ['Hej! Tack för ärendet. Kan ni skicka en bild på installationen och kvittot från köpet?', 'Hej, vi skickar en ersättningsenhet i dag, spårningsnummer {track}.', 'Hej, uppdatera laddboxen till version {ver} via appen så ska felet försvinna.', 'Hej, en servicetekniker kontaktar er för att boka besök {day}.'],
    customer: ['Här kommer bilderna ni bad om.', 'Uppdateringen hjälpte inte, samma fel igen.', 'Tack, nu laddar den som den ska!', 'När kan ni skicka den nya enheten?'],
    internal: ['Känt fel i firmware {ver}, hänvisa till uppdatering.', 'Garantiärende via återförsäljare.', 'RMA skapad, byt enhet.'],
    phone: ['Kunden ringde: laddaren {symptom}.', 'Ringde upp kunden, felet kvarstår.'],
  },
  'charge-amps/en': {
    symptoms: ['stops charging after ten minutes', 'does not start charging', 'shows error code {code}', 'stays red', 'keeps dropping its Wi-Fi connection', 'has a damaged cable', 'trips the residual current breaker', 'does not recognise the RFID tag', 'charges at too low a power', 'cannot be paired with the app'],
    contexts: ['since the software update', 'after yesterday’s power cut', 'since it was installed', 'when it is below freezing outside', 'since last week'],
    actions: ['Restarted the charger.', 'Checked the fuses.', 'Tried another car.', 'Reset the app and logged in again.', 'The electrician measured {n} V.'],
    details: ['Error code {code} shows in the app.', 'The customer has two electric cars and charges every night.', 'Installed by a certified electrician in {pastyear}.', 'Receipt and installation photo attached.', 'Please call the customer on {phone}.'],
    replies: ['Hi, thanks for reaching out. Could you send a photo of the installation and the receipt?', 'Hi, we are shipping a replacement unit today, tracking number {track}.', 'Hi, please update the charger to version {ver} in the app; that fixes the error.', 'Hi, a service technician will contact you to book a visit {day}.'],
    customer: ['Here are the photos you asked for.', 'The update did not help, same error again.', 'Thanks, it charges properly now!', 'When will you ship the new unit?'],
    internal: ['Known firmware {ver} bug, point to the update.', 'Warranty case through the reseller.', 'RMA created, swap the unit.'],
    phone: ['Customer called: the charger {symptom}.', 'Called back, the problem persists.'],
  },
  'charge-amps/fr': {
    symptoms: ['arrête de charger au bout de dix minutes', 'ne démarre pas la charge', 'affiche le code erreur {code}', 'reste allumée en rouge', 'perd la connexion wifi', 'a un câble endommagé', 'fait disjoncter le différentiel', 'ne reconnaît pas le badge RFID', 'charge à puissance réduite', 'ne s’appaire pas avec l’application'],
    contexts: ['depuis la mise à jour logicielle', 'après la coupure de courant d’hier', 'depuis l’installation', 'quand il gèle dehors', 'depuis la semaine dernière'],
    actions: ['Borne redémarrée.', 'Fusibles vérifiés.', 'Essai avec un autre véhicule.', 'Application réinstallée.', 'L’électricien a mesuré {n} V.'],
    details: ['Le code erreur {code} apparaît dans l’application.', 'Le client recharge deux véhicules chaque nuit.', 'Installation réalisée par un électricien certifié en {pastyear}.', 'Facture et photo de l’installation jointes.', 'Merci de rappeler le client au {phone}.'],
    replies: ['Bonjour, merci pour votre demande. Pouvez-vous nous envoyer une photo de l’installation et la facture ?', 'Bonjour, une borne de remplacement part aujourd’hui, suivi {track}.', 'Bonjour, mettez la borne à jour en version {ver} depuis l’application, cela corrige le défaut.', 'Bonjour, un technicien vous contactera pour une visite {day}.'],
    customer: ['Voici les photos demandées.', 'La mise à jour n’a rien changé, même erreur.', 'Merci, la charge fonctionne à nouveau.', 'Quand recevrai-je la nouvelle borne ?'],
    internal: ['Bug connu du firmware {ver}.', 'Garantie via le revendeur.', 'RMA créé, échange de la borne.'],
    phone: ['Appel client : la borne {symptom}.', 'Client rappelé, le défaut persiste.'],
  },
  'eiler/ru': {
    symptoms: ['зависает при экспорте отчёта в PDF', 'не принимает лицензионный ключ', 'выдаёт ошибку при обновлении до версии {ver}', 'не сохраняет изменения в документах', 'очень медленно открывает документы', 'не показывает данные за прошлый месяц', 'не печатает накладные', 'выдаёт ошибку синхронизации {code}', 'неверно рассчитывает НДС', 'не пускает пользователей в систему'],
    contexts: ['после обновления', 'после переустановки системы', 'с начала месяца', 'при одновременной работе нескольких пользователей', 'на новом компьютере', 'после смены пароля администратора'],
    actions: ['1. Открыть «Отчёты» → «Квартальный». 2. Нажать «Экспорт в PDF». 3. Программа зависает.', '1. Войти под администратором. 2. Ввести лицензионный ключ. 3. Появляется ошибка «ключ недействителен».', '1. Открыть накладную. 2. Нажать «Печать». 3. Ничего не происходит.', '1. Запустить синхронизацию. 2. Через минуту появляется ошибка {code}.'],
    details: ['Скриншоты приложены.', 'Работа бухгалтерии остановлена.', 'Ошибка воспроизводится на {n} рабочих местах.', 'Версия операционной системы: Windows 10 Pro.', 'Прошу перезвонить по номеру {phone}.', 'Лицензия действует до {year} года.'],
    replies: ['Здравствуйте! Обращение принято. Уточните, пожалуйста, версию операционной системы.', 'Здравствуйте! Исправление вошло в версию {ver}, установите обновление и сообщите о результате.', 'Здравствуйте! Новый лицензионный ключ отправлен на вашу почту.', 'Здравствуйте! Пришлите, пожалуйста, файл журнала из папки Logs.'],
    customer: ['Версия ОС — Windows 11, скриншоты прилагаю.', 'После обновления ошибка исчезла, спасибо!', 'Ошибка повторилась сегодня утром.', 'Журнал отправил, жду ответа.'],
    internal: ['Похоже на ошибку в модуле экспорта, передать разработчикам.', 'Проверить срок действия лицензии клиента.', 'Дубль обращения, объединить.'],
    phone: ['Звонок клиента: программа {symptom}.', 'Перезвонили клиенту, проблема сохраняется.'],
  },
  'eiler/en': {
    symptoms: ['hangs when exporting a report to PDF', 'rejects the license key', 'fails to update to version {ver}', 'does not save changes to documents', 'opens documents very slowly', 'does not show last month’s data', 'does not print delivery notes', 'shows sync error {code}', 'computes VAT incorrectly', 'does not let users log in'],
    contexts: ['after the update', 'after reinstalling the system', 'since the start of the month', 'when several users work at once', 'on a new computer'],
    actions: ['1. Open Reports → Quarterly. 2. Click Export to PDF. 3. The program hangs.', '1. Log in as administrator. 2. Enter the license key. 3. Error "invalid key".', '1. Open a delivery note. 2. Click Print. 3. Nothing happens.', '1. Start the sync. 2. After a minute, error {code}.'],
    details: ['Screenshots attached.', 'Accounting is blocked.', 'Reproduced on {n} workstations.', 'Operating system: Windows 10 Pro.', 'Please call back on {phone}.', 'License valid until {year}.'],
    replies: ['Hello, your request is registered. Which operating system version do you use?', 'Hello, the fix is in version {ver}; please install the update and let us know.', 'Hello, a new license key was sent to your e-mail.', 'Hello, please send the log file from the Logs folder.'],
    customer: ['OS is Windows 11, screenshots attached.', 'The update fixed it, thanks!', 'The error came back this morning.', 'Log file sent, waiting for your answer.'],
    internal: ['Looks like an export module bug, forward to development.', 'Check the customer’s license expiry.', 'Duplicate request, merge.'],
    phone: ['Customer called: the program {symptom}.', 'Called back, still failing.'],
  },
  'smart-id/ro': {
    symptoms: ['nu mai citește cardurile cu cip', 'nu pornește', 'are ecranul tactil care nu răspunde', 'își descarcă bateria foarte repede', 'imprimă etichete goale', 'nu se conectează la rețea', 'afișează eroarea {code}', 'are capul de imprimare deteriorat', 'se blochează la pornire', 'nu mai scanează codurile de bare'],
    contexts: ['de ieri', 'după ce a căzut de pe birou', 'după actualizarea software-ului', 'de la începutul săptămânii', 'după o pană de curent', 'de când a fost mutat în alt magazin'],
    actions: ['Am repornit echipamentul.', 'Am schimbat bateria.', 'Am curățat capul de imprimare.', 'Am testat cu alt card.'],
    details: ['Cardurile contactless funcționează.', 'Echipamentul este în garanție până în {year}.', 'Vă rugăm să ne sunați la {phone}.', 'Magazinul nu poate încasa plăți cu cardul.', 'Avem {n} terminale cu aceeași problemă.', 'Atașăm o copie a facturii.'],
    replies: ['Bună ziua, vă rugăm să trimiteți echipamentul împreună cu toate accesoriile și o copie a facturii.', 'Bună ziua, echipamentul a fost recepționat; diagnosticul costă 20 EUR dacă nu este în garanție.', 'Bună ziua, reparația este finalizată, echipamentul pleacă mâine prin curier, AWB {track}.', 'Bună ziua, vă rugăm să actualizați firmware-ul la versiunea {ver}.'],
    customer: ['Am trimis coletul astăzi prin curier.', 'Sunt de acord cu costul diagnosticului.', 'Am primit echipamentul, funcționează, mulțumesc!', 'Când va fi gata reparația?'],
    internal: ['Cap de imprimare de înlocuit, comandă piesă.', 'Verificat garanția: expirată.', 'Placă de bază defectă, ofertă de reparație.'],
    phone: ['Clientul a sunat: echipamentul {symptom}.', 'Am revenit cu un apel, clientul trimite echipamentul.'],
  },
  'smart-id/en': {
    symptoms: ['no longer reads chip cards', 'does not power on', 'has an unresponsive touch screen', 'drains its battery very quickly', 'prints blank labels', 'does not connect to the network', 'shows error {code}', 'has a damaged print head', 'freezes at startup', 'no longer scans barcodes'],
    contexts: ['since yesterday', 'after falling off the desk', 'after the software update', 'since the start of the week', 'after a power outage'],
    actions: ['Restarted the device.', 'Replaced the battery.', 'Cleaned the print head.', 'Tried another card.'],
    details: ['Contactless cards work.', 'The device is under warranty until {year}.', 'Please call us on {phone}.', 'The shop cannot take card payments.', 'We have {n} terminals with the same problem.', 'Invoice copy attached.'],
    replies: ['Hello, please send the device with all its accessories and a copy of the invoice.', 'Hello, the device arrived; the diagnosis costs 20 EUR if it is out of warranty.', 'Hello, the repair is done, the device ships tomorrow, waybill {track}.', 'Hello, please update the firmware to version {ver}.'],
    customer: ['I shipped the parcel today.', 'I agree to the diagnosis fee.', 'Device received and working, thanks!', 'When will the repair be ready?'],
    internal: ['Print head to replace, order the part.', 'Warranty checked: expired.', 'Faulty main board, send a repair quote.'],
    phone: ['Customer called: the device {symptom}.', 'Called back, the customer will ship the device.'],
  },
};

interface LangText {
  subjects: string[];
  greetings: string[];
  closings: string[];
  /** Opening of the description; {product} is mid-sentence form. */
  lead: string;
  tried: string;
  serialLine: string;
  days: string[];
}

const LANG: Record<Locale, LangText> = {
  fr: {
    subjects: ['{Product} {symptom}', '{Product} : {symptom}', '{Product} {symptom} {context}', '{Product} (S/N {serial}) : {symptom}', 'Urgent : {product} {symptom}'],
    greetings: ['Bonjour,', 'Bonjour Madame, Monsieur,', 'Bonjour à l’équipe support,'],
    closings: ['Cordialement,', 'Merci d’avance pour votre aide.', 'Bien à vous,'],
    lead: 'Notre {product} (n° de série {serial}) {symptom} {context}.',
    tried: 'Déjà essayé :',
    serialLine: 'Numéros de série concernés : {serials}.',
    days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
  },
  en: {
    subjects: ['{Product} {symptom}', '{Product}: {symptom}', '{Product} {symptom} {context}', '{Product} S/N {serial} {symptom}', 'Urgent: {product} {symptom}'],
    greetings: ['Hello,', 'Hi support team,', 'Good morning,'],
    closings: ['Best regards,', 'Thanks in advance for your help.', 'Kind regards,'],
    lead: 'Our {product} (serial {serial}) {symptom} {context}.',
    tried: 'Already tried:',
    serialLine: 'Serial numbers concerned: {serials}.',
    days: ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday'],
  },
  ru: {
    subjects: ['{Product} {symptom}', '{Product}: {symptom} {context}', 'Срочно: {product} {symptom}', '{Product} (ключ {serial}) {symptom}'],
    greetings: ['Здравствуйте!', 'Добрый день!', 'Здравствуйте, коллеги!'],
    closings: ['С уважением,', 'Заранее спасибо.', 'Спасибо за помощь.'],
    lead: '{Product} (лицензия {serial}) {symptom} {context}.',
    tried: 'Шаги воспроизведения:',
    serialLine: 'Лицензии: {serials}.',
    days: ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу'],
  },
  ro: {
    subjects: ['{Product} {symptom}', '{Product} (seria {serial}) {symptom}', 'Urgent: {product} {symptom}', '{Product} {symptom} {context}'],
    greetings: ['Bună ziua,', 'Bună ziua, stimată echipă de service,'],
    closings: ['Cu stimă,', 'Vă mulțumim,', 'Mulțumesc anticipat,'],
    lead: '{Product} (seria {serial}) {symptom} {context}.',
    tried: 'Am încercat deja:',
    serialLine: 'Numere de serie: {serials}.',
    days: ['luni', 'marți', 'miercuri', 'joi', 'vineri'],
  },
  sv: {
    subjects: ['{Product} {symptom}', '{Product} {symptom} {context}', '{Product} (serienr {serial}) {symptom}', 'Brådskande: {product} {symptom}'],
    greetings: ['Hej!', 'Hej,', 'Hej support,'],
    closings: ['Med vänliga hälsningar,', 'Tack på förhand!', 'Hälsningar,'],
    lead: '{Product} (serienummer {serial}) {symptom} {context}.',
    tried: 'Redan provat:',
    serialLine: 'Berörda serienummer: {serials}.',
    days: ['på måndag', 'på tisdag', 'på onsdag', 'på torsdag', 'på fredag'],
  },
};

const capFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pattern(rng: Rng, p: string): string {
  let out = '';
  for (const ch of p) out += ch === '#' ? String(rng.int(0, 9)) : ch === '@' ? rng.letters(1) : ch;
  return out;
}

const PHONE_FORMAT: Record<BrandSlug, string> = {
  carri: '+33 6 ## ## ## ##',
  mecashop: '+33 7 ## ## ## ##',
  'charge-amps': '+46 70 ### ## ##',
  eiler: '+7 9## ###-##-##',
  'smart-id': '+40 7## ### ###',
};

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Fills {code} {n} {year} {pastyear} {ver} {order} {date} {phone} {track} {day} {symptom}. */
function fill(rng: Rng, brand: BrandSlug, lang: Locale, text: string, symptom?: string): string {
  return text.replace(/\{(code|n|year|pastyear|ver|order|date|phone|track|day|symptom)\}/g, (_m, k: string) => {
    switch (k) {
      case 'code':
        return rng.pick([`E${rng.int(10, 99)}`, `E${rng.int(100, 999)}`, `0x${rng.int(0x1000, 0xffff).toString(16).toUpperCase()}`, `ERR-${rng.int(1000, 9999)}`]);
      case 'n':
        return String(rng.int(2, 40));
      case 'year':
        return String(rng.int(2025, 2029));
      case 'pastyear':
        return String(rng.int(2019, 2025));
      case 'ver':
        return `${rng.int(3, 6)}.${rng.int(0, 9)}.${rng.int(0, 20)}`;
      case 'order':
        return `CMD-${rng.int(2023, 2026)}-${rng.digits(6)}`;
      case 'date':
        return isoDate(new Date(Date.now() - rng.int(2, 60) * 86_400_000));
      case 'phone':
        return pattern(rng, PHONE_FORMAT[brand]);
      case 'track':
        return `${rng.letters(2)}${rng.digits(9)}${rng.pick(['FR', 'SE', 'RO', 'RU'])}`;
      case 'day':
        return rng.pick(LANG[lang].days);
      default:
        return symptom ?? '';
    }
  });
}

export interface Requester {
  email: string;
  name: string;
  locale: Locale;
  brand: BrandSlug;
}

const NAMES: Record<Locale, { first: [string, string][]; last: [string, string][] }> = {
  fr: {
    first: [['Jean', 'jean'], ['Marie', 'marie'], ['Pierre', 'pierre'], ['Sophie', 'sophie'], ['Luc', 'luc'], ['Camille', 'camille'], ['Nicolas', 'nicolas'], ['Isabelle', 'isabelle'], ['Thomas', 'thomas'], ['Claire', 'claire'], ['Julien', 'julien'], ['Élodie', 'elodie'], ['François', 'francois'], ['Hélène', 'helene']],
    last: [['Dupont', 'dupont'], ['Martin', 'martin'], ['Bernard', 'bernard'], ['Dubois', 'dubois'], ['Moreau', 'moreau'], ['Laurent', 'laurent'], ['Lefèvre', 'lefevre'], ['Leroy', 'leroy'], ['Roux', 'roux'], ['Fournier', 'fournier'], ['Girard', 'girard'], ['Mercier', 'mercier'], ['Garnier', 'garnier'], ['Chevalier', 'chevalier']],
  },
  en: {
    first: [['James', 'james'], ['Emma', 'emma'], ['Oliver', 'oliver'], ['Sarah', 'sarah'], ['David', 'david'], ['Laura', 'laura'], ['Michael', 'michael'], ['Helen', 'helen'], ['Peter', 'peter'], ['Grace', 'grace']],
    last: [['Smith', 'smith'], ['Brown', 'brown'], ['Taylor', 'taylor'], ['Wilson', 'wilson'], ['Evans', 'evans'], ['Clarke', 'clarke'], ['Walker', 'walker'], ['Hughes', 'hughes'], ['Wright', 'wright'], ['Hall', 'hall']],
  },
  ru: {
    first: [['Иван', 'ivan'], ['Ольга', 'olga'], ['Алексей', 'aleksey'], ['Наталья', 'natalya'], ['Дмитрий', 'dmitry'], ['Елена', 'elena'], ['Сергей', 'sergey'], ['Татьяна', 'tatyana'], ['Андрей', 'andrey'], ['Мария', 'maria']],
    last: [['Петров', 'petrov'], ['Смирнов', 'smirnov'], ['Кузнецов', 'kuznetsov'], ['Попов', 'popov'], ['Соколов', 'sokolov'], ['Волков', 'volkov'], ['Морозов', 'morozov'], ['Новиков', 'novikov'], ['Фёдоров', 'fedorov'], ['Лебедев', 'lebedev']],
  },
  ro: {
    first: [['Andrei', 'andrei'], ['Maria', 'maria'], ['Ion', 'ion'], ['Elena', 'elena'], ['Mihai', 'mihai'], ['Ioana', 'ioana'], ['Alexandru', 'alexandru'], ['Ana', 'ana'], ['Radu', 'radu'], ['Cristina', 'cristina']],
    last: [['Popescu', 'popescu'], ['Ionescu', 'ionescu'], ['Popa', 'popa'], ['Dumitru', 'dumitru'], ['Stan', 'stan'], ['Stoica', 'stoica'], ['Gheorghe', 'gheorghe'], ['Munteanu', 'munteanu'], ['Constantinescu', 'constantinescu'], ['Țurcanu', 'turcanu']],
  },
  sv: {
    first: [['Erik', 'erik'], ['Anna', 'anna'], ['Lars', 'lars'], ['Karin', 'karin'], ['Johan', 'johan'], ['Maria', 'maria'], ['Anders', 'anders'], ['Sofia', 'sofia'], ['Björn', 'bjorn'], ['Åsa', 'asa']],
    last: [['Andersson', 'andersson'], ['Johansson', 'johansson'], ['Karlsson', 'karlsson'], ['Nilsson', 'nilsson'], ['Eriksson', 'eriksson'], ['Larsson', 'larsson'], ['Olsson', 'olsson'], ['Persson', 'persson'], ['Lindqvist', 'lindqvist'], ['Öberg', 'oberg']],
  },
};

const RU_FEMALE = new Set(['Ольга', 'Наталья', 'Елена', 'Татьяна', 'Мария']);

const MAIL_DOMAINS: Record<Locale, string[]> = {
  fr: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr'],
  en: ['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk'],
  ru: ['yandex.ru', 'mail.ru', 'gmail.com', 'rambler.ru'],
  ro: ['yahoo.ro', 'gmail.com', 'rdslink.ro'],
  sv: ['telia.com', 'gmail.com', 'bredband.net', 'outlook.com'],
};

/** A fixed pool of distinct customers per brand; the same seed gives the same people. */
export function requesterPool(rng: Rng, perBrand: number): Record<BrandSlug, Requester[]> {
  const out = {} as Record<BrandSlug, Requester[]>;
  let serial = 0;
  for (const brand of BRAND_SLUGS) {
    const list: Requester[] = [];
    for (let i = 0; i < perBrand; i++) {
      const locale = rng.weighted(BRAND_LANGS[brand]);
      const [first, firstLat] = rng.pick(NAMES[locale].first);
      let [last, lastLat] = rng.pick(NAMES[locale].last);
      if (locale === 'ru' && RU_FEMALE.has(first)) {
        last += 'а';
        lastLat += 'a';
      }
      serial++;
      list.push({ brand, locale, name: `${first} ${last}`, email: `${firstLat}.${lastLat}.${serial}@${rng.pick(MAIL_DOMAINS[locale])}` });
    }
    out[brand] = list;
  }
  return out;
}

export interface TicketText {
  lang: Locale;
  subject: string;
  description: string;
  serialNumbers: string[];
  customFields: Record<string, unknown>;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  /** What the agent logged on the phone, for entries. */
  symptom: string;
}

const RESELLERS = ['Laddexperten AB', 'Elbilsladdning Norden AB', 'Nordic Charge AB', 'Volt & Co Installation', 'Solel i Syd AB'];
const RO_ADDRESSES = ['Str. Lipscani 12, București', 'Bd. Eroilor 21, Cluj-Napoca', 'Str. Republicii 7, Brașov', 'Calea Victoriei 155, București', 'Str. Mihai Viteazu 3, Timișoara', 'Bd. Independenței 40, Iași'];

function vocabFor(brand: BrandSlug, lang: Locale): Vocab {
  return VOCAB[`${brand}/${lang}`] ?? VOCAB[`${brand}/${BRAND_LANGS[brand][0]![0]}`]!;
}

/** A new ticket of a brand for a requester, in the requester's language, with valid custom fields. */
export function makeTicket(rng: Rng, brand: BrandSlug, requester: Requester): TicketText {
  const lang = requester.locale;
  const v = vocabFor(brand, lang);
  const L = LANG[lang];
  const product = rng.pick(PRODUCTS[brand]);
  const productName = product.name[lang] ?? Object.values(product.name)[0]!;
  const serials = [pattern(rng, product.serial)];
  if (rng.chance(0.1)) serials.push(pattern(rng, product.serial));
  const fitting = v.symptoms.filter((x) => !x.includes('|') || x.startsWith(`${product.kind}|`));
  const symptom = fill(rng, brand, lang, rng.pick(fitting).replace(/^\w+\|/, ''));
  const context = rng.pick(v.contexts);
  const fillSlots = (t: string) =>
    t
      .replace('{Product}', capFirst(productName))
      .replace('{product}', productName)
      .replace('{symptom}', symptom)
      .replace('{context}', context)
      .replace('{serial}', serials[0]!);
  const subject = fillSlots(rng.pick(L.subjects)).slice(0, 300);
  // Numbered reproduction steps are one procedure; other actions come in twos.
  const first = rng.pick(v.actions);
  const actions = (first.startsWith('1.') ? [first] : [first, rng.pick(v.actions.filter((a) => a !== first))]).map((a) => fill(rng, brand, lang, a));
  const details = [rng.pick(v.details), rng.pick(v.details)].filter((d, i, a) => a.indexOf(d) === i).map((d) => fill(rng, brand, lang, d));
  const paragraphs = [
    rng.pick(L.greetings),
    `${fillSlots(L.lead)} ${details.join(' ')}`,
    ...(rng.chance(0.6) ? [`${L.tried} ${actions.join(' ')}`] : []),
    ...(serials.length > 1 ? [L.serialLine.replace('{serials}', serials.join(', '))] : []),
    `${rng.pick(L.closings)}\n${requester.name}`,
  ];
  const description = paragraphs.join('\n\n');
  const priority = rng.weighted([['low', 10], ['normal', 65], ['high', 20], ['urgent', 5]] as const);
  return { lang, subject, description, serialNumbers: serialsFor(brand, serials, rng), customFields: customFields(rng, brand, lang, requester, actions), priority, symptom };
}

function serialsFor(brand: BrandSlug, serials: string[], rng: Rng): string[] {
  // Software licences are not always given; hardware brands require serials.
  if (brand === 'eiler') return rng.chance(0.5) ? serials : [];
  if (brand === 'mecashop') return rng.chance(0.7) ? serials : [];
  return serials;
}

function customFields(rng: Rng, brand: BrandSlug, lang: Locale, requester: Requester, actions: string[]): Record<string, unknown> {
  const phone = () => pattern(rng, PHONE_FORMAT[brand]);
  switch (brand) {
    case 'carri':
      return {
        troubleshootingSteps: actions.join(' '),
        physicalAccess: rng.chance(0.8) ? 'yes' : 'no',
        ...(rng.chance(0.1) ? { existingCaseNumber: `CS-${rng.int(2023, 2026)}-${rng.digits(6)}-${rng.int(0, 9)}` } : {}),
      };
    case 'mecashop':
      return { orderNumber: `CMD-${rng.int(2023, 2026)}-${rng.digits(6)}`, usedBefore: rng.chance(0.4) ? 'no' : 'yes' };
    case 'charge-amps':
      return {
        ...(rng.chance(0.5) ? { reseller: rng.pick(RESELLERS) } : {}),
        ...(rng.chance(0.5) ? { purchaseDate: isoDate(new Date(Date.now() - rng.int(30, 1000) * 86_400_000)) } : {}),
      };
    case 'eiler':
      return {
        reproductionSteps: fill(rng, brand, lang, rng.pick(vocabFor(brand, lang).actions)),
        frequency: rng.pick(['always', 'often', 'sometimes', 'once']),
        productVersion: `5.${rng.int(0, 4)}.${rng.int(0, 12)}`,
        criticality: rng.weighted([['critical', 5], ['high', 25], ['medium', 50], ['low', 20]] as const),
        contactPhone: phone(),
        contactEmail: requester.email,
        ...(rng.chance(0.3) ? { callbackRequested: rng.chance(0.5) ? 'yes' : 'no' } : {}),
      };
    case 'smart-id':
      return {
        senderName: requester.name,
        senderAddress: rng.pick(RO_ADDRESSES),
        contactPerson: requester.name,
        contactPhone: phone(),
        ...(rng.chance(0.6) ? { accessories: rng.pick(['baterie, sursă de alimentare, cradle', 'cablu USB, sursă de alimentare', 'fără accesorii', 'battery, power supply']) } : {}),
      };
  }
}

export type EntryKind = 'customer_message' | 'agent_reply' | 'internal_note' | 'phone_note';

/** One conversation entry in the ticket's language. */
export function makeEntry(rng: Rng, brand: BrandSlug, lang: Locale, kind: EntryKind, symptom: string): string {
  const v = vocabFor(brand, lang);
  const list = kind === 'customer_message' ? v.customer : kind === 'agent_reply' ? v.replies : kind === 'internal_note' ? v.internal : v.phone;
  return fill(rng, brand, lang, rng.pick(list), symptom);
}

/**
 * What agents type into the search box, per brand: product words in inflected forms (so each
 * language's stemmer is exercised), phrases, and fragments of names and serial numbers.
 */
export const SEARCH_TERMS: Record<BrandSlug, string[]> = {
  carri: ['imprimante', 'imprimantes réseau', 'bourrages papier', 'serveur ne démarre', 'onduleur batterie', 'alimentation', 'coupure de courant', 'ventilateur', 'disque en panne', 'printer', 'power supply', 'firmware update', 'dupont', 'CS540-2'],
  mecashop: ['tondeuse', 'tondeuses', 'fuite huile', 'lanceur cassé', 'remboursement', 'tronçonneuse', 'débroussailleuse', 'bougie', 'carter fissuré', 'moreau'],
  'charge-amps': ['laddbox', 'laddboxen', 'laddning', 'kabeln', 'felkod', 'jordfelsbrytaren', 'appen', 'uppdateringen', 'elektriker', 'charging', 'borne de recharge', 'nilsson', 'CA-HALO-1'],
  eiler: ['отчёт', 'экспорт отчёта PDF', 'лицензия', 'лицензионный ключ', 'обновлении', 'синхронизации', 'накладные', 'НДС', 'зависает', 'license key', 'petrov'],
  'smart-id': ['imprimantă', 'cardurile', 'etichete', 'bateria', 'terminal POS', 'garanție', 'capul de imprimare', 'reparația', 'barcode scanner', 'popescu', 'SID-T4-2'],
};

export const CHANNELS_BY_BRAND: Record<BrandSlug, readonly (readonly ['phone' | 'email' | 'fax' | 'postal' | 'onsite', number])[]> = {
  carri: [['phone', 60], ['email', 30], ['onsite', 10]],
  mecashop: [['phone', 50], ['email', 50]],
  'charge-amps': [['phone', 70], ['email', 30]],
  eiler: [['phone', 60], ['email', 25], ['fax', 15]],
  'smart-id': [['phone', 50], ['email', 30], ['postal', 20]],
};
