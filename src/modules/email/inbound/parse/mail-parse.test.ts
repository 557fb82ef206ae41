import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ParsedMail, parseMail, sanitiseMailHtml, usableAddress } from './mail-parse.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (name: string): Buffer => fs.readFileSync(new URL(name, FIXTURES));

interface ExpectedAttachment {
  filename: string;
  contentType: string;
  contentId: string | null;
  inline: boolean;
  /** The first bytes of the decoded content (magic number), as text. */
  startsWith?: string;
}

interface Expected {
  subject: string;
  from: { address: string; name: string };
  messageId: string | null;
  inReplyTo?: string | null;
  references?: string[];
  replyTo?: { address: string; name: string } | null;
  date: string;
  text: string;
  /** null: the mail has no HTML part. */
  html: null | { contains: string[] };
  attachments?: ExpectedAttachment[];
}

// What a person reading each mail sees, written out by hand from the mail's content: the decoded
// Unicode, not whatever the parser happens to produce.
const EXPECTED: Record<string, Expected> = {
  'outlook-windows-1252.eml': {
    subject: 'Problème de démarrage – serveur bloqué après mise à jour',
    from: { address: 'helene.lefevre@imprimerie-martin.example', name: 'Hélène Lefèvre' },
    messageId: 'PR3P193MB0894A1C2E5D4F6B8A9C0D1E2F3A4B5C6@PR3P193MB0894.EURP193.PROD.OUTLOOK.COM',
    date: '2026-11-20T09:42:17.000Z',
    // windows-1252's own bytes: … (85), ’ (92), – (96), € (80).
    text: [
      'Bonjour,',
      '',
      'Depuis la mise à jour de jeudi, notre serveur reste bloqué au démarrage : voyant orange fixe, aucun bip…',
      'Ça recommence à chaque redémarrage. Nous avons déjà changé de prise et réinséré la mémoire.',
      '',
      'Pourriez-vous nous rappeler ? L’intervention sur site serait-elle couverte par la garantie ou facturée 250 € ?',
      '',
      'Cordialement,',
      '',
      'Hélène Lefèvre',
      'Imprimerie Martin SARL – Service informatique',
      'Tél. : 01 23 45 67 89',
    ].join('\n'),
    html: { contains: ['<b>Hélène Lefèvre</b>', 'facturée 250 € ?', 'aucun bip…'] },
  },
  'gmail-reply-utf8.eml': {
    subject: 'Re: [MS260001234] Câble de recharge endommagé',
    from: { address: 'francois.noel@gmail.example', name: 'François Noël' },
    messageId: 'CAF3x9qZk8Ur2mVn+7dQvRp3L4sHx1Ey0bN5wKc2tJm8fGh6aPw@mail.gmail.com',
    inReplyTo: 'ack.MS260001234.1763629260@mecashop.example',
    references: ['MS260001234.1763629200@mecashop.example', 'ack.MS260001234.1763629260@mecashop.example'],
    date: '2026-11-21T13:03:27.000Z',
    text: [
      'Bonjour,',
      '',
      'Voici la photo demandée : le câble est sectionné près de la prise, côté borne.',
      'Le numéro de commande est le 2026-11-0457.',
      '',
      'Cordialement,',
      'François Noël',
      '',
      'Le jeu. 20 nov. 2026 à 10:15, SAV Mecashop <sav@mecashop.example> a écrit :',
      '',
      '> Bonjour M. Noël,',
      '>',
      '> Merci de nous envoyer une photo du câble endommagé.',
      '>',
      '> L’équipe SAV Mecashop',
      '>',
    ].join('\n'),
    html: { contains: ['<blockquote>', 'href="mailto:sav@mecashop.example"', 'rel="noopener noreferrer nofollow"'] },
  },
  'apple-mail-related.eml': {
    subject: 'Laddbox Halo – felkod E12',
    from: { address: 'anna.lindqvist@icloud.example', name: 'Anna Lindqvist' },
    messageId: '5B7E1D3C-9A2F-4C8B-B6E1-0F3A7D2C9E41@icloud.example',
    date: '2026-11-22T07:17:45.000Z',
    text: 'Hej!\n\nLaddboxen visar felkod E12 sedan i går kväll och laddar inte längre.\nJag bifogar en bild på displayen och kvittot från köpet.\n\nMed vänliga hälsningar\nAnna Lindqvist',
    // The inline image stays a cid: reference that the UI resolves to the stored attachment.
    html: { contains: ['<img src="cid:7A1E3B2C-5D4F-4A6B-8C9D-0E1F2A3B4C5D" alt="display.png" />', 'Med vänliga hälsningar'] },
    attachments: [
      { filename: 'display.png', contentType: 'image/png', contentId: '7A1E3B2C-5D4F-4A6B-8C9D-0E1F2A3B4C5D', inline: true, startsWith: '\x89PNG' },
      { filename: 'kvitto.pdf', contentType: 'application/pdf', contentId: null, inline: false, startsWith: '%PDF-1.4' },
    ],
  },
  'mailing-list.eml': {
    subject: '[ev-installers] Halo chargers dropping Wi-Fi after firmware 4.2?',
    from: { address: 'per.svensson@example.se', name: 'Per Svensson' },
    messageId: '20261119143012.GA4121@example.se',
    date: '2026-11-19T14:30:12.000Z',
    text: [
      'Hi all,',
      '',
      'has anyone else seen Halo chargers drop off Wi-Fi after firmware 4.2?',
      'Two of our customers report it since last week.',
      '',
      '/Per',
      '_______________________________________________',
      'ev-installers mailing list -- ev-installers@lists.example.org',
      'To unsubscribe send an email to ev-installers-leave@lists.example.org',
    ].join('\n'),
    html: null,
  },
  'bounce-dsn.eml': {
    subject: 'Undelivered Mail Returned to Sender',
    from: { address: 'mailer-daemon@mx1.carri.example', name: 'Mail Delivery System' },
    messageId: '20261120091602.4Dk2Lq1XyZz9sT@mx1.carri.example',
    date: '2026-11-20T09:16:02.000Z',
    // The human-readable part only: the machine-readable report is its own part (below).
    text: [
      'This is the mail system at host mx1.carri.example.',
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      'For further assistance, please send mail to postmaster.',
      '',
      'If you do so, please include this problem report. You can',
      'delete your own text from the attached returned message.',
      '',
      '                   The mail system',
      '',
      '<jean.dupont@imprimerie-martin.example>: host',
      '    mx.imprimerie-martin.example[192.0.2.25] said: 550 5.1.1',
      '    <jean.dupont@imprimerie-martin.example>: Recipient address rejected: User',
      '    unknown in virtual mailbox table (in reply to RCPT TO command)',
    ].join('\n'),
    html: null,
    attachments: [
      { filename: 'attachment.bin', contentType: 'message/delivery-status', contentId: null, inline: false, startsWith: 'Reporting-MTA: dns; mx1.carri.example' },
      { filename: 'attachment.bin', contentType: 'text/rfc822-headers', contentId: null, inline: false, startsWith: 'Return-Path: <sav@carri.example>' },
    ],
  },
  'out-of-office.eml': {
    // Exchange puts a no-break space before the colon, as French typography wants.
    subject: 'Réponse automatique\u00a0: [CS-2026-000123-4] Votre demande a bien été enregistrée',
    from: { address: 'marc.girard@imprimerie-martin.example', name: 'Marc Girard' },
    messageId: 'DB9P191MB1500E0A4F6C2B7D8A9B0C1D2E3F4A5B6@DB9P191MB1500.EURP191.PROD.OUTLOOK.COM',
    inReplyTo: 'ack.CS-2026-000123-4.1763630161@carri.example',
    references: ['ack.CS-2026-000123-4.1763630161@carri.example'],
    date: '2026-11-20T09:16:04.000Z',
    text: "Bonjour,\n\nJe suis absent du bureau jusqu'au lundi 1er décembre inclus, sans accès à mes e-mails.\nPour toute urgence, merci de contacter Hélène Lefèvre au 01 23 45 67 89.\n\nMarc Girard",
    html: null,
  },
  'russian-koi8-r.eml': {
    subject: 'Не запускается программа после обновления',
    from: { address: 'ivan.petrov@example.ru', name: 'Иван Петров' },
    replyTo: { address: 'ivan.petrov@example.ru', name: 'Иван Петров' },
    messageId: '1832745190.20261117112045@example.ru',
    date: '2026-11-17T08:20:45.000Z',
    text: [
      'Здравствуйте!',
      '',
      'После обновления до версии 5.3.2 программа не запускается:',
      'появляется окно "Ошибка лицензии", и программа закрывается.',
      'Серийный номер: EIL-2291-0045.',
      '',
      '-- ',
      'С уважением,',
      ' Иван Петров                          mailto:ivan.petrov@example.ru',
    ].join('\n'),
    html: null,
  },
  'russian-windows-1251.eml': {
    subject: 'Ключ активации не принимается — заказ № 4471',
    from: { address: 'o.smirnova@mail.example.ru', name: 'Ольга Смирнова' },
    replyTo: { address: 'o.smirnova@mail.example.ru', name: 'Ольга Смирнова' },
    messageId: '1763471133.482917205@f512.i.mail.example.ru',
    date: '2026-11-18T13:05:33.000Z',
    text: 'Добрый день!\n\nПри вводе ключа активации появляется ошибка «ключ недействителен».\nЗаказ № 4471 — лицензия на 5 рабочих мест, ещё не использована.\n\nОльга Смирнова\nООО «Северный ветер»',
    html: null,
  },
  'romanian-utf8.eml': {
    subject: 'Cititorul de carduri nu mai funcționează',
    from: { address: 'stefan.turcanu@example.ro', name: 'Ștefan Țurcanu' },
    messageId: '8b3f2c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f@example.ro',
    date: '2026-11-19T08:44:09.000Z',
    // format=flowed: the soft line breaks (trailing space) are joined back into one paragraph.
    text: [
      'Bună ziua,',
      '',
      'Cititorul de carduri achiziționat în martie nu mai funcționează: ledul rămâne stins și aplicația afișează „dispozitiv negăsit”. Am încercat și pe alt calculator, același rezultat.',
      '',
      'Număr de serie: SID-RD-0098812',
      '',
      'Mulțumesc,',
      'Ștefan Țurcanu',
    ].join('\n'),
    html: null,
  },
  'romanian-windows-1250.eml': {
    // windows-1250 has only the cedilla forms ş ţ Ş Ţ (U+015F, U+0163, U+015E, U+0162).
    subject: 'Factură pentru reparaţie şi garanţie',
    from: { address: 'stefania.raducanu@tesatoria-barlad.example', name: 'Ştefania Răducanu' },
    messageId: 'AM8P190MB0977C3D4E5F6A7B8C9D0E1F2A3B4C5D6@AM8P190MB0977.EURP190.PROD.OUTLOOK.COM',
    date: '2026-11-20T13:27:51.000Z',
    text: [
      'Bună ziua,',
      '',
      'Vă rog să ne trimiteţi factura pentru reparaţia cititorului şi să confirmaţi data livrării.',
      'Întrebare: garanţia se prelungeşte după înlocuire?',
      '',
      'Mulţumim,',
      'Ştefania Răducanu',
      'Ţesătoria Bârlad SRL',
    ].join('\n'),
    html: null,
  },
  'iso-8859-15-euro.eml': {
    subject: 'Devis réparation : 189,90 € TTC',
    from: { address: 'gerard@bouvier.example', name: 'Gérard Bouvier' },
    messageId: '5f1c8e2a.3b4d5e6f@bouvier.example',
    date: '2026-11-17T17:02:11.000Z',
    text: "Bonjour,\n\nLe devis de 189,90 € TTC pour la réparation me convient.\nPouvez-vous confirmer que la main-d'œuvre et les frais de port (12,50 €) sont inclus ?\n\nBien à vous,\nGérard Bouvier",
    html: null,
  },
  'html-only.eml': {
    subject: 'Écran fissuré à la livraison',
    from: { address: 'lea.moreau@webmail.example', name: 'Léa Moreau' },
    messageId: '20261122184500.9f8e7d6c5b4a@webmail.example',
    date: '2026-11-22T18:45:00.000Z',
    // No text part: mailparser derives one from the HTML (scripts and styles left out).
    text: [
      'Bonjour,',
      '',
      'Ma commande n° 2026-11-0457 est arrivée avec l’écran fissuré.',
      '',
      'Voir les photos [https://photos.example/album/8812] · cliquez ici',
      '[javascript:alert(1)]',
      '',
      '',
      '',
      'Merci d’avance.',
      '',
      '[https://track.example/open.gif?u=8812]',
    ].join('\n'),
    html: { contains: ['<b>n° 2026-11-0457</b>', '<a href="https://photos.example/album/8812" target="_blank" rel="noopener noreferrer nofollow">Voir les photos</a>', '<p style="color:#c00">Merci d’avance.</p>'] },
  },
  'forwarded-rfc822.eml': {
    subject: 'Tr: Re: Installation borne Halo – défaut de terre',
    from: { address: 'claire.martin@example.fr', name: 'Claire Martin' },
    messageId: '0c7d5e2b-9a1f-4b3c-8d6e-5f4a3b2c1d0e@example.fr',
    date: '2026-11-19T07:31:02.000Z',
    text: "Bonjour,\n\nJe vous transfère la réponse de l'installateur au sujet de la borne.\n\nBien cordialement,\nClaire Martin",
    html: null,
    // The forwarded mail is kept whole, as an .eml the agent can open.
    attachments: [
      {
        filename: 'Re Installation borne Halo - defaut de terre.eml',
        contentType: 'message/rfc822',
        contentId: null,
        inline: false,
        startsWith: 'Message-ID: <b91e7c4d-2f3a-4e5b-8c6d-7e8f9a0b1c2d@installateur.example>',
      },
    ],
  },
  'no-message-id.eml': {
    subject: 'Demande de contact - formulaire revendeur',
    from: { address: 'formulaire@revendeur.example', name: '' },
    replyTo: { address: 'paul.bernard@example.fr', name: '' },
    messageId: null,
    date: '2026-11-21T21:14:09.000Z',
    text: 'Nom : Paul Bernard\nE-mail : paul.bernard@example.fr\nTéléphone : 06 12 34 56 78\nMessage : Bonjour, le serveur livré la semaine dernière fait un bruit de ventilateur anormal. Merci de me rappeler.',
    html: null,
  },
  'serial-numbers.eml': {
    subject: 'Two Halo chargers not charging',
    from: { address: 'lars.nystrom@elinstall.example', name: 'Lars Nyström' },
    messageId: '5D2E1F3A-7B9C-4D0E-A1B2-C3D4E5F6A7B8@elinstall.example',
    date: '2026-11-21T07:55:30.000Z',
    text: [
      'Hello,',
      '',
      'Two chargers from the same batch stopped charging after the last firmware update.',
      'S/N: CA-HALO-220198 and CA-HALO-220199',
      '',
      'Le boîtier de contrôle associé a le numéro de série : CS540-2291-A7.',
      '',
      'Best regards,',
      'Lars Nyström',
    ].join('\n'),
    html: null,
  },
  'x-loop.eml': {
    subject: '[CS-2026-000123-4] Votre demande a bien été enregistrée',
    from: { address: 'sav@carri.example', name: 'SAV Carri' },
    messageId: 'ack.CS-2026-000124-1.1763630165@carri.example',
    date: '2026-11-20T09:16:05.000Z',
    text: 'Bonjour,\n\nVotre demande CS-2026-000123-4 a bien été enregistrée. Répondez à ce message pour la compléter.\n\nSAV Carri',
    html: null,
  },
};

const FIXTURE_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.eml')).sort();

describe('the fixture corpus', () => {
  it('has expectations for every fixture, and a fixture for every expectation', () => {
    expect(FIXTURE_FILES).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(FIXTURE_FILES)('%s is a wire-format message: CRLF line ends, lines of at most 998 octets', (name) => {
    const raw = fixture(name);
    expect(raw.includes(Buffer.from('\r\n\r\n'))).toBe(true);
    const lines = raw.toString('latin1').split('\r\n');
    expect(lines.filter((l) => l.includes('\n') || l.includes('\r'))).toEqual([]);
    expect(lines.filter((l) => l.length > 998)).toEqual([]);
  });

  it('carries the legacy charsets as their real bytes, not re-encoded as UTF-8', () => {
    // "Здравствуйте" in KOI8-R, 8-bit as The Bat! sends it.
    expect(fixture('russian-koi8-r.eml').includes(Buffer.from('fac4d2c1d7d3d4d7d5cad4c5', 'hex'))).toBe(true);
    // € is A4 in ISO-8859-15 (it is ¤ in ISO-8859-1) and 80 in windows-1252.
    expect(fixture('iso-8859-15-euro.eml').toString('latin1')).toContain('189,90 =A4 TTC');
    expect(fixture('outlook-windows-1252.eml').toString('latin1')).toContain('250 =80 ?');
    // ş and ţ with cedilla are BA and FE in windows-1250.
    expect(fixture('romanian-windows-1250.eml').toString('latin1')).toMatch(/trimite=FEi/);
  });
});

describe('parseMail over the corpus', () => {
  const parsed = new Map<string, ParsedMail>();
  const parse = async (name: string) => {
    if (!parsed.has(name)) parsed.set(name, await parseMail(fixture(name)));
    return parsed.get(name)!;
  };

  it.each(Object.entries(EXPECTED))('decodes %s', async (name, want) => {
    const m = await parse(name);
    expect(m.subject).toBe(want.subject);
    expect(m.from).toEqual(want.from);
    expect(m.messageId).toBe(want.messageId);
    expect(m.inReplyTo).toBe(want.inReplyTo ?? null);
    expect(m.references).toEqual(want.references ?? []);
    expect(m.replyTo).toEqual(want.replyTo ?? null);
    expect(m.date?.toISOString()).toBe(want.date);
    expect(m.text).toBe(want.text);
    // No mojibake anywhere: no replacement character, no UTF-8 read as Latin-1.
    for (const s of [m.subject, m.text, m.from?.name ?? '']) expect(s).not.toMatch(/\uFFFD|Ã©|Ã¨|Ð¡|Ñ€/);
    const attachments = m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentId: a.contentId, inline: a.inline }));
    expect(attachments).toEqual((want.attachments ?? []).map(({ startsWith: _s, ...a }) => a));
    (want.attachments ?? []).forEach((a, i) => {
      if (a.startsWith) expect(m.attachments[i]!.content.subarray(0, a.startsWith.length).toString('latin1')).toBe(a.startsWith);
    });
    if (want.html === null) {
      expect(m.html).toBeNull();
    } else {
      expect(m.html).not.toBeNull();
      const safe = sanitiseMailHtml(m.html!);
      for (const s of want.html.contains) expect(safe).toContain(s);
    }
  });

  it('keeps the To and Cc recipients, lower-cased', async () => {
    expect((await parse('mailing-list.eml')).to).toEqual([{ address: 'ev-installers@lists.example.org', name: '' }]);
    expect((await parse('mailing-list.eml')).cc).toEqual([{ address: 'support@charge-amps.example', name: '' }]);
    expect((await parse('outlook-windows-1252.eml')).to).toEqual([{ address: 'sav@carri.example', name: '' }]);
    expect((await parse('gmail-reply-utf8.eml')).to).toEqual([{ address: 'sav@mecashop.example', name: 'SAV Mecashop' }]);
  });

  it('exposes the headers the filters read, unfolded', async () => {
    const outlook = await parse('outlook-windows-1252.eml');
    expect(outlook.headers.get('thread-index')).toEqual(['AdtaB3kqZ0v3m1XxT0GQ2Qf0pPqYfw==']);
    expect(outlook.headers.get('content-type')).toEqual(['multipart/alternative; boundary="_000_PR3P193MB0894A1C2E5D4F6B8A9C0D1E2F3A4B5C6PR3P193MB0894EURP_"']);
    expect((await parse('mailing-list.eml')).headers.get('list-id')).toEqual(['EV installers discussion <ev-installers.lists.example.org>']);
    // The returned original's X-Loop sits in a body part, not in the bounce's own headers.
    expect((await parse('bounce-dsn.eml')).headers.has('x-loop')).toBe(false);
  });
});

describe('sanitiseMailHtml', () => {
  it('removes scripts, event handlers, javascript: links, forms, frames and remote images from an HTML-only mail', async () => {
    const m = await parseMail(fixture('html-only.eml'));
    expect(m.html).toContain('<script>');
    expect(m.html).toContain('onclick=');
    const safe = sanitiseMailHtml(m.html!);
    expect(safe).not.toMatch(/<script|document\.cookie|<style|font-family/i);
    expect(safe).not.toMatch(/\son[a-z]+\s*=/i);
    expect(safe).not.toMatch(/javascript:/i);
    expect(safe).not.toMatch(/<form|<input|<iframe|evil\.example/i);
    // The tracking pixel loses its remote source: nothing is fetched when the mail is shown.
    expect(safe).not.toContain('track.example');
    expect(safe).not.toMatch(/<img[^>]*src=/i);
    expect(safe).not.toContain('position');
  });

  it('keeps cid: and data: images but drops http(s) ones', () => {
    const safe = sanitiseMailHtml('<img src="cid:abc@x"><img src="data:image/png;base64,iVBORw0KGgo="><img src="https://cdn.example/a.png"><img src="http://cdn.example/b.png">');
    expect(safe).toBe('<img src="cid:abc@x" /><img src="data:image/png;base64,iVBORw0KGgo=" /><img /><img />');
  });

  it('leaves every corpus HTML free of scripts and handlers', async () => {
    for (const name of FIXTURE_FILES) {
      const m = await parseMail(fixture(name));
      if (!m.html) continue;
      const safe = sanitiseMailHtml(m.html);
      expect(safe, name).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
      expect(safe, name).not.toMatch(/<img[^>]*src="https?:/i);
    }
  });
});

describe('mail from the real world (issue 9)', () => {
  const mail = (headers: string, body = 'Bonjour') => Buffer.from(`${headers}\r\n\r\n${body}\r\n`, 'utf8');

  it('keeps a mail with NUL in its subject, body, sender name and Message-ID, without the NULs', async () => {
    const m = await parseMail(mail('From: "Jean\u0000 Dupont" <jean@client.example>\r\nTo: sav@carri.example\r\nSubject: Imprimante\u0000 HS\r\nMessage-ID: <abc\u0000def@client.example>', 'Le bac\u0000 2'));
    expect(m.subject).toBe('Imprimante HS');
    expect(m.text).toBe('Le bac 2');
    expect(m.from).toEqual({ address: 'jean@client.example', name: 'Jean Dupont' });
    expect(m.messageId).toBe('abcdef@client.example');
    expect(JSON.stringify(m)).not.toContain('\\u0000');
  });

  it('takes only real addresses as senders: "@", "john@", "from@e", stray quotes or encoded words are none', async () => {
    for (const from of ['@', 'john@', 'from@e', '"x"@', 'jean@client.example>', '=?utf-8?q?jean?=@client.example', 'a\ufffd@client.example']) {
      const m = await parseMail(mail(`From: ${from}\r\nTo: sav@carri.example\r\nSubject: x`));
      expect(m.from, from).toBeNull();
    }
    // An encoded display name is decoded, and never changes the address.
    const named = await parseMail(mail('From: =?utf-8?q?Andr=C3=A9e_L=C3=A9ger?= <andree@client.example>\r\nTo: sav@carri.example\r\nSubject: x'));
    expect(named.from).toEqual({ address: 'andree@client.example', name: 'Andrée Léger' });
    expect(usableAddress('Jean@Client.Example')).toBe('jean@client.example');
  });

  it('reads old Mac mail whose lines end in a bare CR', async () => {
    const raw = Buffer.from('From: mac@client.example\rTo: sav@carri.example\rSubject: Ancien Mac\r\rLe disque ne monte plus.\r', 'latin1');
    const m = await parseMail(raw);
    expect(m.subject).toBe('Ancien Mac');
    expect(m.text).toBe('Le disque ne monte plus.');
    expect(m.from?.address).toBe('mac@client.example');
  });
});

describe('undeclared charsets (issue 9)', () => {
  const gbText = '打印机故障 您好，我们的打印机从昨天开始无法开机，指示灯一直闪烁红色。请问如何处理？';
  const raw = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

  it('reads a raw 8-bit GBK subject and body, and a Shift_JIS one, with no charset declared', async () => {
    const gbk = await parseMail(raw('From: ', iconv.encode('王伟', 'gbk'), ' <wang@client.example>\r\nTo: sav@carri.example\r\nSubject: ', iconv.encode('打印机故障', 'gbk'), '\r\n\r\n', iconv.encode(gbText, 'gbk'), '\r\n'));
    expect(gbk.subject).toBe('打印机故障');
    expect(gbk.text).toBe(gbText);
    expect(gbk.from).toEqual({ address: 'wang@client.example', name: '王伟' });
    const jp = 'プリンターの故障 お世話になっております。昨日からプリンターの電源が入らず、ランプが赤く点滅しています。';
    const sjis = await parseMail(raw('From: tanaka@client.example\r\nSubject: ', iconv.encode('プリンターの故障', 'shift_jis'), '\r\nContent-Type: text/plain\r\n\r\n', iconv.encode(jp, 'shift_jis'), '\r\n'));
    expect(sjis.subject).toBe('プリンターの故障');
    expect(sjis.text).toBe(jp);
  });

  it('reads an undeclared Chinese body under an ASCII subject, and ISO-2022-JP sent without a label', async () => {
    const body = await parseMail(raw('From: li@client.example\r\nSubject: Printer\r\n\r\n', iconv.encode(gbText, 'gb18030'), '\r\n'));
    expect(body.text).toBe(gbText);
    const jis = Buffer.from('\x1b$B%W%j%s%?!<\x1b(B', 'latin1');
    const m = await parseMail(raw('From: sato@client.example\r\nSubject: ', jis, '\r\n\r\n', jis, '\r\n'));
    expect(m.subject).toBe('プリンター');
    expect(m.text).toBe('プリンター');
  });

  it('leaves declared charsets and UTF-8 alone', async () => {
    const utf8 = await parseMail(Buffer.from('From: a@client.example\r\nSubject: Écran noir\r\n\r\nLe poste reste noir.\r\n', 'utf8'));
    expect([utf8.subject, utf8.text]).toEqual(['Écran noir', 'Le poste reste noir.']);
  });
});
