/**
 * The five companies of SPEC §2 as brands: configuration, not code. Field labels in the five
 * languages so each portal shows the form in its customer's language.
 */
type L = Record<'fr' | 'en' | 'ro' | 'ru' | 'sv', string>;
const l = (fr: string, en: string, ro: string, ru: string, sv: string): L => ({ fr, en, ro, ru, sv });

const serialHelp = l('Sur l’étiquette au dos de l’appareil', 'On the label at the back of the unit', 'Pe eticheta din spatele echipamentului', 'На наклейке на задней стороне устройства', 'På etiketten på enhetens baksida');

export interface DemoBrand {
  slug: string;
  name: string;
  country: string;
  timeZone: string;
  defaultLocale: 'fr' | 'en' | 'ro' | 'ru' | 'sv';
  locales: string[];
  supportEmail: string;
  phone: string;
  ticketNumberFormat: string;
  settings: Record<string, unknown>;
}

export const DEMO_BRANDS: DemoBrand[] = [
  {
    slug: 'carri',
    name: 'CARRI Systems',
    country: 'FR',
    timeZone: 'Europe/Paris',
    defaultLocale: 'fr',
    locales: ['fr', 'en'],
    supportEmail: 'sav@carri.example',
    phone: '+33 1 48 97 32 32',
    ticketNumberFormat: 'CS-{YYYY}-{SEQ:6}-{CHECK}',
    settings: {
      portal: { organisationTickets: true },
      addresses: { postal: 'CARRI Systems, Service support, France' },
      workshop: { currency: 'EUR', labourCentsPerHour: 8_500, returnShippingCents: 3_500, supplier: 'CARRI Systems Production' },
      intakeForm: {
        serialsRequired: true,
        fields: [
          { key: 'troubleshootingSteps', type: 'textarea', required: true, label: l('Étapes de dépannage déjà suivies', 'Troubleshooting steps already tried', 'Pașii de depanare deja urmați', 'Уже выполненные шаги по устранению неполадок', 'Felsökningssteg som redan gjorts') },
          { key: 'existingCaseNumber', type: 'text', required: false, label: l('Numéro de dossier existant', 'Existing case number', 'Număr de dosar existent', 'Номер существующего обращения', 'Befintligt ärendenummer') },
          { key: 'physicalAccess', type: 'select', required: true, label: l('Accès physique au produit pendant le dépannage', 'Physical access to the product during troubleshooting', 'Acces fizic la produs în timpul depanării', 'Физический доступ к продукту во время диагностики', 'Fysisk åtkomst till produkten under felsökningen'),
            options: [ { value: 'yes', label: l('Oui', 'Yes', 'Da', 'Да', 'Ja') }, { value: 'no', label: l('Non', 'No', 'Nu', 'Нет', 'Nej') } ] },
        ],
      },
    },
  },
  {
    slug: 'mecashop',
    name: 'MécaShop',
    country: 'FR',
    timeZone: 'Europe/Paris',
    defaultLocale: 'fr',
    locales: ['fr'],
    supportEmail: 'sav@mecashop.example',
    phone: '+33 4 00 00 00 00',
    ticketNumberFormat: 'MS{YY}{SEQ:7}{CHECK}',
    settings: {
      // Seed 001's own terms: "permettant au vendeur de choisir la solution la moins onéreuse", and no
      // direct after-sales during a PayPal dispute. The law check shows the first as a conflict.
      afterSales: { remedyChosenBy: 'seller', paymentDisputeBlocksAfterSales: true, countriesOfSale: ['FR'] },
      intakeForm: {
        serialsRequired: false,
        fields: [
          { key: 'orderNumber', type: 'text', required: true, label: l('Numéro de commande', 'Order number', 'Număr comandă', 'Номер заказа', 'Ordernummer') },
          { key: 'usedBefore', type: 'select', required: true, label: l('Le produit a-t-il déjà été utilisé ?', 'Has the product been used?', 'Produsul a fost deja folosit?', 'Использовался ли товар?', 'Har produkten använts?'),
            options: [ { value: 'no', label: l('Non, défectueux dès réception', 'No, defective on arrival', 'Nu, defect la primire', 'Нет, неисправен при получении', 'Nej, defekt vid leverans') }, { value: 'yes', label: l('Oui', 'Yes', 'Da', 'Да', 'Ja') } ] },
        ],
      },
    },
  },
  {
    slug: 'charge-amps',
    name: 'Charge Amps',
    country: 'SE',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    locales: ['sv', 'en', 'fr'],
    supportEmail: 'support@charge-amps.example',
    phone: '+46 8 000 00 00',
    ticketNumberFormat: 'CA-{SEQ:7}{CHECK}',
    settings: {
      channelRouting: 'reseller',
      // Seed 002: returns go through the reseller, approved by its distributor.
      returns: { throughChannel: true, refusesCashOnDelivery: false, accentColour: '#00857c', address: ['Charge Amps AB — RMA', 'Frösundaviks allé 1', '169 70 Solna', 'Sverige'] },
      workshop: { currency: 'SEK', labourCentsPerHour: 65_000, returnShippingCents: 19_900, supplier: 'Charge Amps AB' },
      intakeForm: {
        serialsRequired: true,
        fields: [
          { key: 'reseller', type: 'text', required: false, label: l('Revendeur auprès duquel le produit a été acheté', 'Reseller you bought from', 'Revânzătorul de la care ați cumpărat', 'Продавец, у которого куплен товар', 'Återförsäljare där produkten köptes') },
          { key: 'purchaseDate', type: 'date', required: false, label: l('Date d’achat', 'Purchase date', 'Data achiziției', 'Дата покупки', 'Inköpsdatum') },
        ],
      },
    },
  },
  {
    slug: 'eiler',
    name: 'Eiler',
    country: 'RU',
    timeZone: 'Europe/Moscow',
    defaultLocale: 'ru',
    locales: ['ru', 'en'],
    supportEmail: 'support@eiler.example',
    phone: '+7 499 677-44-25',
    ticketNumberFormat: 'EI-{YYYY}-{SEQ:5}{CHECK}',
    settings: {
      addresses: { postal: 'Malaya Kaluzhskaya 15, building 5, Moscow, 119071', fax: '+7 495 745-71-17' },
      intakeForm: {
        serialsRequired: false,
        fields: [
          { key: 'reproductionSteps', type: 'textarea', required: true, label: l('Étapes pour reproduire (avec captures d’écran)', 'Steps to reproduce (with screenshots)', 'Pași de reproducere (cu capturi de ecran)', 'Шаги воспроизведения (со скриншотами)', 'Steg för att återskapa (med skärmbilder)') },
          { key: 'frequency', type: 'select', required: true, label: l('Fréquence', 'Frequency', 'Frecvență', 'Частота возникновения', 'Frekvens'),
            options: [
              { value: 'always', label: l('Toujours', 'Always', 'Întotdeauna', 'Всегда', 'Alltid') },
              { value: 'often', label: l('Souvent', 'Often', 'Des', 'Часто', 'Ofta') },
              { value: 'sometimes', label: l('Parfois', 'Sometimes', 'Uneori', 'Иногда', 'Ibland') },
              { value: 'once', label: l('Une seule fois', 'Once', 'O singură dată', 'Однократно', 'En gång') },
            ] },
          { key: 'productVersion', type: 'text', required: true, label: l('Version du produit', 'Product version', 'Versiunea produsului', 'Версия продукта', 'Produktversion') },
          { key: 'criticality', type: 'select', required: true, label: l('Criticité', 'Criticality', 'Criticitate', 'Критичность', 'Allvarlighetsgrad'),
            options: [
              { value: 'critical', label: l('Critique', 'Critical', 'Critică', 'Критическая', 'Kritisk') },
              { value: 'high', label: l('Haute', 'High', 'Ridicată', 'Высокая', 'Hög') },
              { value: 'medium', label: l('Moyenne', 'Medium', 'Medie', 'Средняя', 'Medel') },
              { value: 'low', label: l('Basse', 'Low', 'Scăzută', 'Низкая', 'Låg') },
            ] },
          { key: 'contactPhone', type: 'phone', required: true, label: l('Téléphone de contact', 'Contact phone', 'Telefon de contact', 'Контактный телефон', 'Kontakttelefon') },
          { key: 'contactEmail', type: 'email', required: true, label: l('E-mail de contact', 'Contact e-mail', 'E-mail de contact', 'Контактный e-mail', 'Kontakt-e-post') },
          { key: 'callbackRequested', type: 'select', required: false, label: l('Rappel souhaité', 'Callback requested', 'Doriți să fiți sunat', 'Требуется обратный звонок', 'Återuppringning önskas'),
            options: [ { value: 'yes', label: l('Oui', 'Yes', 'Da', 'Да', 'Ja') }, { value: 'no', label: l('Non', 'No', 'Nu', 'Нет', 'Nej') } ] },
        ],
      },
    },
  },
  {
    slug: 'smart-id',
    name: 'Smart ID Service',
    country: 'RO',
    timeZone: 'Europe/Bucharest',
    defaultLocale: 'ro',
    locales: ['ro', 'en'],
    supportEmail: 'service@smart-id.example',
    phone: '+40 720 043 830',
    ticketNumberFormat: 'SID-{SEQ:6}{CHECK}',
    settings: {
      addresses: { postal: 'Str. Siriului 36-40, sector 1, București' },
      // Seed 004: parcels sent cash on delivery are refused.
      returns: { throughChannel: false, refusesCashOnDelivery: true, accentColour: '#0b5394', address: ['Smart ID Service — Service', 'Str. Siriului 36-40, sector 1', '014354 București', 'România'] },
      // Seed 004: a refused quote costs the 20 EUR diagnostic fee; repairs take 3 to 30 days.
      afterSales: { diagnosticFeeCents: 2000 },
      workshop: { currency: 'EUR', labourCentsPerHour: 4_500, returnShippingCents: 1_500, quoteValidityDays: 14, supplier: 'Smart ID Dynamics', repairDays: { min: 3, max: 30 } },
      intakeForm: {
        serialsRequired: true,
        fields: [
          { key: 'senderName', type: 'text', required: true, label: l('Nom de l’expéditeur', 'Sender name', 'Nume expeditor', 'Имя отправителя', 'Avsändarens namn') },
          { key: 'senderAddress', type: 'textarea', required: true, label: l('Adresse de l’expéditeur', 'Sender address', 'Adresă expeditor', 'Адрес отправителя', 'Avsändarens adress') },
          { key: 'contactPerson', type: 'text', required: true, label: l('Personne de contact', 'Contact person', 'Persoană de contact', 'Контактное лицо', 'Kontaktperson') },
          { key: 'contactPhone', type: 'phone', required: true, label: l('Téléphone', 'Phone', 'Număr de telefon', 'Телефон', 'Telefon') },
          { key: 'accessories', type: 'textarea', required: false, label: l('Accessoires joints (batterie, alimentation, socle…)', 'Accessories included (battery, power supply, cradle…)', 'Accesorii incluse (baterie, sursă de alimentare, cradle…)', 'Комплектация (аккумулятор, блок питания, подставка…)', 'Medföljande tillbehör (batteri, nätadapter, laddställ…)') },
        ],
      },
    },
  },
];

export { serialHelp };
