import type { TicketStatus } from '../modules/tickets/index.ts';

/** A few realistic tickets per demo brand, in the brand's language, with some conversation. */
export interface DemoTicket {
  brand: string;
  by: string;
  requester?: string;
  hoursAgo: number;
  ticket: Record<string, unknown>;
  entries?: { by: string; kind: 'customer_message' | 'agent_reply' | 'internal_note' | 'phone_note'; body: string; hoursAgo: number }[];
  status?: TicketStatus;
  statusBy?: string;
}

export const DEMO_TICKETS: DemoTicket[] = [
  {
    brand: 'carri', by: 'agent@carri.example', requester: 'client@carri.example', hoursAgo: 50,
    ticket: {
      channel: 'phone', priority: 'high',
      subject: 'Serveur CS-R540 ne démarre plus après coupure de courant',
      description: 'Le client signale que le serveur ne démarre plus depuis la coupure électrique de ce matin. Voyant orange fixe en façade, aucun affichage.',
      serialNumbers: ['CS540-2291-A7'],
      customFields: { troubleshootingSteps: 'Débranché 30 s, autre prise testée, barrette mémoire réinsérée.', physicalAccess: 'yes' },
    },
    entries: [
      { by: 'agent@carri.example', kind: 'phone_note', body: 'Appel de M. Dupont : voyant orange fixe, pas de bip au démarrage. Alimentation suspectée.', hoursAgo: 49 },
      { by: 'agent@carri.example', kind: 'agent_reply', body: 'Bonjour M. Dupont,\n\nsuite à notre échange téléphonique, merci de confirmer par retour de mail la description du problème et les étapes déjà suivies.\n\nCordialement,\nSophie — Hotline CARRI Systems', hoursAgo: 48 },
      { by: 'client@carri.example', kind: 'customer_message', body: 'Bonjour, je confirme : le serveur reste bloqué voyant orange, nous avons déjà changé de prise et réinséré la mémoire.', hoursAgo: 30 },
      { by: 'agent@carri.example', kind: 'internal_note', body: 'Probable bloc d’alimentation HS. Prévoir intervention sur site si le test à distance échoue.', hoursAgo: 29 },
    ],
  },
  {
    brand: 'carri', by: 'client@carri.example', hoursAgo: 6,
    ticket: {
      subject: 'Imprimante réseau : bourrages papier répétés',
      description: 'Depuis lundi, bourrage papier toutes les 20 pages environ sur le bac 2.',
      serialNumbers: ['CP-8812-0042'],
      customFields: { troubleshootingSteps: 'Bac 2 nettoyé, papier changé.', physicalAccess: 'yes' },
    },
  },
  {
    brand: 'mecashop', by: 'client@mecashop.example', hoursAgo: 30,
    ticket: {
      subject: 'Tondeuse reçue en panne, ne démarre pas',
      description: 'Bonjour, j’ai reçu la tondeuse il y a 5 jours, elle n’a jamais démarré. Elle n’a pas été utilisée.',
      serialNumbers: ['TD-4521-88'],
      customFields: { orderNumber: 'CMD-2026-118842', usedBefore: 'no' },
    },
    entries: [{ by: 'agent@mecashop.example', kind: 'agent_reply', body: 'Bonjour, nous organisons l’enlèvement de l’appareil ; le remplacement partira dès le ramassage effectué.', hoursAgo: 20 }],
  },
  {
    brand: 'mecashop', by: 'client@mecashop.example', hoursAgo: 2,
    ticket: { subject: 'Question sur la facture de ma commande', description: 'La facture de ma dernière commande n’apparaît pas dans mon espace client.', customFields: { orderNumber: 'CMD-2026-120017', usedBefore: 'yes' } },
  },
  {
    brand: 'charge-amps', by: 'reseller@charge-amps.example', requester: 'kund@charge-amps.example', hoursAgo: 70,
    ticket: {
      subject: 'Laddboxen slutar ladda efter 10 minuter',
      description: 'Kunden rapporterar att laddningen avbryts efter cirka 10 minuter på båda enheterna. Felkod E14 visas i appen.',
      serialNumbers: ['CA-HALO-220198', 'CA-HALO-220199'],
      customFields: { reseller: 'Laddexperten AB', purchaseDate: '2025-03-14' },
    },
    entries: [{ by: 'agent@charge-amps.example', kind: 'agent_reply', body: 'Hej! Tack för ärendet. Kan ni skicka en bild på installationen och kvittot från köpet?', hoursAgo: 60 }],
    status: 'waiting_customer', statusBy: 'agent@charge-amps.example',
  },
  {
    brand: 'charge-amps', by: 'kund@charge-amps.example', hoursAgo: 8,
    ticket: { subject: 'Kabeln är skadad', description: 'Kabeln till laddboxen har fått ett jack nära kontakten. Är det säkert att använda?', serialNumbers: ['CA-AURA-551020'] },
  },
  {
    brand: 'eiler', by: 'client@eiler.example', hoursAgo: 26,
    ticket: {
      subject: 'Ошибка при экспорте отчёта в PDF',
      description: 'При экспорте квартального отчёта в PDF программа зависает и закрывается без сообщения об ошибке.',
      priority: 'high',
      customFields: {
        reproductionSteps: '1. Открыть «Отчёты» → «Квартальный». 2. Нажать «Экспорт в PDF». 3. Программа зависает. Скриншоты приложены.',
        frequency: 'always', productVersion: '5.3.2', criticality: 'high', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example',
      },
    },
    entries: [{ by: 'agent@eiler.example', kind: 'agent_reply', body: 'Здравствуйте! Обращение принято. Уточните, пожалуйста, версию операционной системы.', hoursAgo: 24 }],
  },
  {
    brand: 'eiler', by: 'agent@eiler.example', requester: 'client@eiler.example', hoursAgo: 3,
    ticket: {
      channel: 'fax', subject: 'Запрос по факсу: не активируется лицензия',
      description: 'Получен факс: лицензионный ключ не принимается после переустановки системы.',
      customFields: { reproductionSteps: 'Переустановка ОС, ввод ключа — ошибка «ключ недействителен».', frequency: 'always', productVersion: '5.2.0', criticality: 'medium', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example' },
    },
  },
  {
    brand: 'smart-id', by: 'client@smart-id.example', hoursAgo: 40,
    ticket: {
      subject: 'Terminal POS nu mai citește cardurile',
      description: 'Terminalul nu mai citește cardurile cu cip de ieri. Cardurile contactless funcționează.',
      serialNumbers: ['SID-T4-778812'],
      customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12, București', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111', accessories: 'baterie, sursă de alimentare, cradle' },
    },
    entries: [{ by: 'agent@smart-id.example', kind: 'agent_reply', body: 'Bună ziua, vă rugăm să trimiteți echipamentul împreună cu toate accesoriile și o copie a facturii.', hoursAgo: 36 }],
  },
  {
    brand: 'smart-id', by: 'client@smart-id.example', hoursAgo: 1,
    ticket: {
      subject: 'Imprimanta de etichete nu pornește',
      description: 'Imprimanta nu mai pornește după ce a căzut de pe birou.',
      serialNumbers: ['SID-P2-100233'],
      customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12, București', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111' },
    },
  },
];
