/*
 * Tandem local console: a small chat client for the /api/console endpoints.
 * No framework, no build step. Server data is only ever rendered with textContent (never innerHTML).
 */
(function () {
  'use strict';

  var API = {
    messages: 'api/console/messages',
    actions: 'api/console/actions',
    inbox: 'api/console/inbox',
    clock: 'api/console/clock',
    leads: 'api/console/leads',
    language: 'api/console/language'
  };
  var INBOX_REFRESH_MS = 5000;
  var HANDLE_KEY = 'tandem.console.handle';
  var LOCALE_KEY = 'tandem.console.locale';
  var HISTORY_MAX = 50;

  /* ---------- the page's own strings (server replies arrive already translated) ---------- */

  var UI = {
    en: {
      skip: 'Skip to the message box',
      tagline: 'Reverse mentoring, locally: type as any member of the demo organisation',
      who: 'You are',
      handleHint: 'Member handle of the demo organisation, for example alice, bob, lena or ines',
      language: 'Language',
      conversation: 'conversation',
      conversationHint: 'Only you and Tandem',
      welcomeTitle: 'Welcome to the Tandem console',
      welcomeText: 'Pick who you are above, then try a command below. Replies, cards and forms render here as they would in Slack or Teams.',
      messageLabel: 'Message to Tandem',
      placeholder: 'Message Tandem, e.g. /mentor help',
      messageHint: 'Enter sends · ↑ recalls your last line',
      send: 'Send',
      try: 'Try',
      notifications: 'Notifications',
      inboxFor: 'for @{0}',
      inboxEmpty: 'Nothing yet. When someone asks @{0} for mentoring, it shows up here.',
      inboxOffline: 'Could not refresh notifications; retrying…',
      inboxUpdated: 'Updated {0}',
      onlyYou: 'Only visible to you',
      everyone: 'Visible to the conversation',
      system: 'Console',
      networkError: 'Could not reach Tandem. Is the application running? ({0})',
      httpError: 'Tandem answered with HTTP {0}.',
      badJson: 'Tandem sent an answer the console could not read.',
      emptyHandle: 'Type who you are first (for example alice).',
      required: 'Required',
      clicked: '→ {0}',
      submitted: '→ {0}: {1}',
      tandem: 'Tandem',
      unread: '{0} notifications',
      timeTravel: 'Time travel',
      timeNow: 'Tandem’s time: {0}',
      hour: '+1 hour',
      day: '+1 day',
      week: '+1 week',
      travelled: 'Moved to {0}; {1} nudges sent.',
      inboxNoHandle: 'Type who you are above (for example alice, then Enter): their notifications show up here.',
      addToCalendar: 'Add to calendar',
      opensInNewTab: '{0} (opens in a new tab)',
      lead: 'Programme lead: {0}',
      leads: 'Programme leads: {0}',
      becomeLead: 'Become {0} (programme lead)',
      languageKept: '@{0} chose {1} themselves (/mentor set language), so Tandem keeps writing to them in it.',
      languageNames: { en: 'English', fr: 'French' }
    },
    fr: {
      skip: 'Aller à la zone de message',
      tagline: 'Le mentorat inversé, en local : écrivez au nom de n’importe quel membre de l’organisation de démo',
      who: 'Vous êtes',
      handleHint: 'Identifiant d’un membre de l’organisation de démo, par exemple alice, bob, lena ou ines',
      language: 'Langue',
      conversation: 'conversation',
      conversationHint: 'Vous et Tandem seulement',
      welcomeTitle: 'Bienvenue dans la console Tandem',
      welcomeText: 'Choisissez qui vous êtes ci-dessus, puis essayez une commande ci-dessous. Réponses, cartes et formulaires s’affichent ici comme dans Slack ou Teams.',
      messageLabel: 'Message pour Tandem',
      placeholder: 'Écrivez à Tandem, par ex. /mentor help',
      messageHint: 'Entrée envoie · ↑ rappelle votre dernière ligne',
      send: 'Envoyer',
      try: 'Essayez',
      notifications: 'Notifications',
      inboxFor: 'pour @{0}',
      inboxEmpty: 'Rien pour l’instant. Quand quelqu’un sollicite @{0}, cela apparaît ici.',
      inboxOffline: 'Impossible de rafraîchir les notifications ; nouvel essai…',
      inboxUpdated: 'Mis à jour à {0}',
      onlyYou: 'Visible par vous seul',
      everyone: 'Visible par la conversation',
      system: 'Console',
      networkError: 'Impossible de joindre Tandem. L’application est-elle lancée ? ({0})',
      httpError: 'Tandem a répondu avec le code HTTP {0}.',
      badJson: 'Tandem a envoyé une réponse illisible pour la console.',
      emptyHandle: 'Indiquez d’abord qui vous êtes (par exemple alice).',
      required: 'Obligatoire',
      clicked: '→ {0}',
      submitted: '→ {0} : {1}',
      tandem: 'Tandem',
      unread: '{0} notifications',
      timeTravel: 'Voyage dans le temps',
      timeNow: 'Heure de Tandem : {0}',
      hour: '+1 heure',
      day: '+1 jour',
      week: '+1 semaine',
      travelled: 'Arrivé au {0} ; {1} relances envoyées.',
      inboxNoHandle: 'Indiquez qui vous êtes ci-dessus (par exemple alice, puis Entrée) : ses notifications s’affichent ici.',
      addToCalendar: 'Ajouter à l’agenda',
      opensInNewTab: '{0} (s’ouvre dans un nouvel onglet)',
      lead: 'Responsable du programme : {0}',
      leads: 'Responsables du programme : {0}',
      becomeLead: 'Devenir {0} (responsable du programme)',
      languageKept: '@{0} a choisi le {1} (/mentor regler langue) : Tandem continue de lui écrire dans cette langue.',
      languageNames: { en: 'anglais', fr: 'français' }
    }
  };

  /* The suggestion chips, in the command words each language's members type (the engine accepts both). */
  var CHIPS = {
    en: ['/mentor find seo', '/mentor help', '/mentor profile', '/mentor learn social media'],
    fr: ['/mentor cherche référencement', '/mentor aide', '/mentor profil', '/mentor apprendre réseaux sociaux']
  };

  function t(key) {
    var table = UI[state.locale] || UI.en;
    var s = table[key] != null ? table[key] : UI.en[key];
    for (var i = 1; i < arguments.length; i++) {
      s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return s;
  }

  /* ---------- state ---------- */

  var state = {
    locale: initialLocale(),
    timezone: detectTimezone(),
    history: [],
    historyIndex: -1,
    draft: '',
    inboxUser: null,
    inboxKeys: [],
    inboxTimer: null,
    inboxInFlight: false,
    inboxPending: false,
    formSeq: 0,
    thread: null,       // the member whose conversation is on screen
    threads: new Map(), // member → their conversation while another one is on screen: { nodes, scroll }
    welcome: null
  };

  var els = {};

  function $(id) { return document.getElementById(id); }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: fine */ }
  }

  function initialLocale() {
    var saved = storageGet(LOCALE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
    var nav = (navigator.language || '').toLowerCase();
    return nav.indexOf('fr') === 0 ? 'fr' : 'en';
  }

  function detectTimezone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch (e) {
      return 'UTC';
    }
  }

  function handle() {
    return (els.handle.value || '').trim();
  }

  /** A handle as the server reads it (case and a leading @ do not make another member). */
  function memberKey(value) {
    var v = str(value).trim().toLowerCase();
    return v.charAt(0) === '@' ? v.substring(1) : v;
  }

  /* ---------- DOM helpers (textContent only) ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null && text !== '') node.textContent = String(text);
    return node;
  }

  function testid(node, id) {
    node.setAttribute('data-testid', id);
    return node;
  }

  function str(v) {
    return v == null ? '' : String(v);
  }

  function lower(v) {
    return str(v).toLowerCase();
  }

  function timeLabel(date) {
    try {
      return date.toLocaleTimeString(state.locale, { hour: '2-digit', minute: '2-digit' });
    } catch (e) {
      return '';
    }
  }

  function dateTimeLabel(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return str(iso);
    try {
      return d.toLocaleString(state.locale, {
        month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: state.timezone
      });
    } catch (e) {
      return d.toISOString();
    }
  }

  function initial(name) {
    var s = str(name).trim();
    return s ? s.charAt(0).toUpperCase() : '?';
  }

  /* ---------- conversation ---------- */

  function nearBottom(container) {
    return container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  }

  /**
   * Each member has their own conversation. The one on screen lives in #conversation; the others are kept, as
   * nodes, until their member is chosen again (a reply that arrives meanwhile joins its own member's).
   */
  function showThread(member) {
    if (member === state.thread) return;
    var c = els.conversation;
    if (state.thread !== null) {
      state.threads.set(state.thread, { nodes: Array.prototype.slice.call(c.childNodes), scroll: c.scrollTop });
    }
    c.textContent = '';
    var kept = state.threads.get(member);
    state.threads.delete(member);
    state.thread = member;
    if (kept && kept.nodes.length) {
      kept.nodes.forEach(function (n) { c.appendChild(n); });
      c.scrollTop = kept.scroll == null ? c.scrollHeight : kept.scroll;
    } else if (state.welcome) {
      var welcome = state.welcome.cloneNode(true);
      translate(welcome);
      c.appendChild(welcome);
    }
  }

  function append(node, owner) {
    if (owner != null && owner !== state.thread) {
      var kept = state.threads.get(owner) || { nodes: [], scroll: null };
      kept.nodes = kept.nodes.filter(function (n) { return !(n.classList && n.classList.contains('welcome')); });
      kept.nodes.push(node);
      kept.scroll = null; // show its end when its member comes back
      state.threads.set(owner, kept);
      return node;
    }
    var c = els.conversation;
    var welcome = c.querySelector('.welcome');
    if (welcome) welcome.remove();
    c.appendChild(node);
    // Bring the new line into view. A tall reply is shown from its top, with the line that asked for it just
    // above, rather than from its end: that is where reading starts.
    var anchor = node;
    var prev = node.previousElementSibling;
    if (prev && (prev.classList.contains('msg--user') || prev.classList.contains('echo'))) anchor = prev;
    var bottom = c.scrollHeight - c.clientHeight;
    c.scrollTop = Math.max(0, Math.min(bottom, anchor.offsetTop - 8));
    return node;
  }

  function messageShell(kind, author, avatarText, testId) {
    var row = testid(el('div', 'msg msg--' + kind), testId);
    var avatar = el('div', 'avatar avatar--' + kind, avatarText);
    avatar.setAttribute('aria-hidden', 'true');
    var body = el('div', 'msg__body');
    var meta = el('div', 'msg__meta');
    meta.appendChild(el('span', 'msg__author', author));
    var time = el('time', 'msg__time', timeLabel(new Date()));
    time.setAttribute('datetime', new Date().toISOString());
    meta.appendChild(time);
    body.appendChild(meta);
    row.appendChild(avatar);
    row.appendChild(body);
    return { row: row, body: body, meta: meta };
  }

  function appendUserLine(text, who) {
    who = who || handle() || '?';
    var shell = messageShell('user', who, initial(who), 'user-line');
    shell.body.appendChild(testid(el('div', 'msg__text', text), 'user-text'));
    return append(shell.row, memberKey(who));
  }

  function appendEcho(text, owner) {
    var row = testid(el('div', 'echo', text), 'echo');
    return append(row, owner);
  }

  /**
   * A line from the console itself: an error by default, or information ({@code info} true) such as a time
   * travel's report; {@code details} are further lines under it.
   */
  function appendSystem(text, owner, info, details) {
    var row = testid(el('div', 'msg msg--system' + (info ? ' msg--system--info' : '')), 'system-message');
    row.setAttribute('role', 'status');
    var icon = el('span', 'msg--system__icon', info ? 'i' : '!');
    icon.setAttribute('aria-hidden', 'true');
    row.appendChild(icon);
    var body = el('div', 'msg--system__body');
    body.appendChild(el('span', 'msg--system__label', t('system') + ': '));
    body.appendChild(testid(el('span', 'msg--system__text', text), 'system-text'));
    if (details && details.length) {
      var list = el('ul', 'msg--system__details');
      details.forEach(function (line) { list.appendChild(testid(el('li', null, str(line)), 'system-detail')); });
      body.appendChild(list);
    }
    row.appendChild(body);
    return append(row, owner);
  }

  function appendReply(reply, owner) {
    var shell = messageShell('bot', t('tandem'), 'T', 'reply');
    if (owner) shell.row.setAttribute('data-owner', owner);
    var vis = lower(reply && reply.visibility);
    if (vis) {
      shell.row.setAttribute('data-visibility', vis);
      var badge = el('span', 'badge', vis === 'conversation' ? t('everyone') : t('onlyYou'));
      shell.meta.appendChild(badge);
    }
    shell.body.appendChild(renderReply(reply));
    return append(shell.row, owner);
  }

  /** Who a button or form acts as: the member whose conversation or notifications it is in. */
  function ownerOf(node) {
    var holder = node.closest('[data-owner]');
    return holder ? holder.getAttribute('data-owner') : handle();
  }

  /* ---------- links: text with http(s) addresses, built as nodes (never HTML) ---------- */

  var URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
  var CALENDAR_PATH = /\/calendar\/[^/]+\.ics$/;

  /** A node of {@code tag} showing {@code text}, its http and https addresses as links. */
  function richText(tag, className, text) {
    var node = el(tag, className);
    text = str(text);
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      // the sentence's own punctuation after an address is not part of it
      var url = match[0].replace(/[.,;:!?)\]}'»]+$/, '');
      if (!url) continue;
      if (match.index > last) node.appendChild(document.createTextNode(text.substring(last, match.index)));
      node.appendChild(link(url));
      last = match.index + url.length;
      URL_PATTERN.lastIndex = last;
    }
    if (last < text.length) node.appendChild(document.createTextNode(text.substring(last)));
    return node;
  }

  function link(url) {
    var parsed;
    try {
      parsed = new URL(url);
    } catch (e) {
      return document.createTextNode(url);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return document.createTextNode(url);
    var a = testid(el('a', 'link'), 'link');
    a.href = parsed.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    if (CALENDAR_PATH.test(parsed.pathname)) {
      a.className = 'link link--calendar';
      a.setAttribute('data-testid', 'calendar-link');
      a.textContent = t('addToCalendar');
    } else {
      a.textContent = url;
    }
    a.title = t('opensInNewTab', url);
    return a;
  }

  /* ---------- reply rendering ---------- */

  function renderReply(reply) {
    var container = testid(el('div', 'reply'), 'reply-body');
    reply = reply || {};
    var blocks = Array.isArray(reply.blocks) ? reply.blocks : [];
    if (blocks.length === 0) {
      container.appendChild(testid(richText('p', 'para', str(reply.text) || '…'), 'paragraph'));
      return container;
    }
    blocks.forEach(function (block) {
      var node;
      try {
        node = renderBlock(block || {});
      } catch (e) {
        node = renderFallback(block);
      }
      if (node) container.appendChild(node);
    });
    if (!container.firstChild) {
      container.appendChild(testid(richText('p', 'para', str(reply.text)), 'paragraph'));
    }
    return container;
  }

  function renderBlock(block) {
    switch (lower(block.type)) {
      case 'section': return renderSection(block);
      case 'items': return renderItems(block);
      case 'form': return renderForm(block);
      case 'image': return renderImage(block);
      default: return renderFallback(block);
    }
  }

  function renderImage(block) {
    var figure = testid(el('figure', 'chart'), 'image');
    var img = document.createElement('img');
    var url = str(block.url);
    // a chart Tandem serves: fetch it from this page's own server, whatever public URL it was built with
    var chart = url.indexOf('/charts/');
    if (chart >= 0) url = url.substring(chart);
    if (/^https?:\/\//.test(url) || url.charAt(0) === '/') img.src = url;
    img.alt = str(block.alt);
    img.loading = 'lazy';
    figure.appendChild(img);
    if (block.alt) figure.appendChild(el('figcaption', 'chart__caption', str(block.alt)));
    return figure;
  }

  function renderFallback(block) {
    var text = block && (block.text || block.fallback || block.title || block.heading);
    if (!text) return null;
    return testid(richText('p', 'para', text), 'paragraph');
  }

  function renderSection(block) {
    var fields = Array.isArray(block.fields) ? block.fields : [];
    var buttons = Array.isArray(block.buttons) ? block.buttons : [];
    var plain = !block.heading && fields.length === 0 && buttons.length === 0;
    if (plain) {
      return testid(richText('p', 'para', block.text), 'paragraph');
    }
    var card = testid(el('div', 'card'), 'card');
    if (block.heading) {
      card.appendChild(testid(el('div', 'card__heading', block.heading), 'card-heading'));
    }
    if (block.text) {
      card.appendChild(testid(richText('p', 'card__text', block.text), 'card-text'));
    }
    if (fields.length) {
      var dl = testid(el('dl', 'fields'), 'fields');
      fields.forEach(function (f) {
        var row = testid(el('div', 'field'), 'field');
        row.appendChild(testid(el('dt', 'field__label', str(f && f.label)), 'field-label'));
        row.appendChild(testid(richText('dd', 'field__value', str(f && f.value) || '—'), 'field-value'));
        dl.appendChild(row);
      });
      card.appendChild(dl);
    }
    if (buttons.length) {
      var bar = el('div', 'card__actions');
      buttons.forEach(function (b) { if (b) bar.appendChild(renderButton(b)); });
      card.appendChild(bar);
    }
    return card;
  }

  function renderButton(b) {
    var style = lower(b.style) || 'default';
    if (style !== 'primary' && style !== 'danger') style = 'default';
    var btn = testid(el('button', 'btn btn--' + style, str(b.label)), 'button');
    btn.type = 'button';
    var action = str(b.action != null ? b.action : b.actionId);
    btn.setAttribute('data-action', action);
    btn.setAttribute('data-value', str(b.value));
    btn.addEventListener('click', function () {
      var owner = ownerOf(btn);
      appendEcho(t('clicked', str(b.label)), memberKey(owner));
      btn.disabled = true;
      btn.setAttribute('aria-busy', 'true');
      post(API.actions, {
        user: owner,
        action: action,
        value: str(b.value),
        fields: {},
        locale: state.locale,
        timezone: state.timezone
      }).then(function () {
        btn.disabled = false;
        btn.removeAttribute('aria-busy');
      });
    });
    return btn;
  }

  function renderItems(block) {
    var wrap = testid(el('div', 'items'), 'items');
    if (block.heading) wrap.appendChild(el('div', 'items__heading', block.heading));
    var ul = el('ul', 'items__list');
    (Array.isArray(block.items) ? block.items : []).forEach(function (item) {
      ul.appendChild(testid(richText('li', null, str(item)), 'item'));
    });
    wrap.appendChild(ul);
    return wrap;
  }

  function renderForm(block) {
    var seq = ++state.formSeq;
    var action = str(block.action != null ? block.action : block.actionId);
    var errors = block.errors && typeof block.errors === 'object' ? block.errors : {};
    var form = testid(el('form', 'card form'), 'form');
    form.noValidate = true;
    form.setAttribute('data-action', action);
    var titleId = 'form-' + seq + '-title';
    if (block.title) {
      var title = testid(el('div', 'card__heading', block.title), 'form-title');
      title.id = titleId;
      form.setAttribute('aria-labelledby', titleId);
      form.appendChild(title);
    }
    var controls = [];
    (Array.isArray(block.inputs) ? block.inputs : []).forEach(function (input) {
      if (!input || input.id == null) return;
      var id = str(input.id);
      var domId = 'form-' + seq + '-' + id.replace(/[^A-Za-z0-9_-]/g, '_');
      var type = lower(input.type);
      var group = testid(el('div', 'form__group'), 'form-group');
      var label = el('label', 'form__label', str(input.label));
      label.htmlFor = domId;
      if (input.required) {
        var req = el('span', 'form__required', ' *');
        req.setAttribute('aria-hidden', 'true');
        label.appendChild(req);
      }
      group.appendChild(label);

      var control;
      if (type === 'multiline') {
        control = el('textarea', 'form__control');
        control.rows = 3;
      } else if (type === 'select') {
        control = el('select', 'form__control');
        if (!input.required || !input.initial) {
          control.appendChild(el('option', null, ''));
        }
        (Array.isArray(input.choices) ? input.choices : []).forEach(function (c) {
          var opt = el('option', null, str(c && (c.label != null ? c.label : c.value)));
          opt.value = str(c && c.value);
          control.appendChild(opt);
        });
      } else {
        control = el('input', 'form__control');
        control.type = type === 'date' ? 'date' : type === 'time' ? 'time' : 'text';
      }
      control.id = domId;
      control.name = id;
      control.setAttribute('data-testid', 'input-' + id);
      if (input.required) {
        control.required = true;
        control.setAttribute('aria-required', 'true');
      }
      if (input.placeholder && control.tagName !== 'SELECT') control.placeholder = str(input.placeholder);
      if (input.initial != null && input.initial !== '') control.value = str(input.initial);
      group.appendChild(control);

      var message = errors[id];
      if (message) {
        var errId = domId + '-error';
        var err = testid(el('p', 'form__error', message), 'form-error');
        err.id = errId;
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', errId);
        group.classList.add('form__group--invalid');
        group.appendChild(err);
      }
      controls.push({ id: id, control: control });
      form.appendChild(group);
    });

    var bar = el('div', 'card__actions');
    var submit = testid(el('button', 'btn btn--primary', str(block.submit || block.submitLabel || 'OK')), 'form-submit');
    submit.type = 'submit';
    bar.appendChild(submit);
    form.appendChild(bar);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var fields = {};
      controls.forEach(function (c) { fields[c.id] = c.control.value; });
      var owner = ownerOf(form);
      appendEcho(t('clicked', str(block.submit || block.submitLabel || block.title || 'OK')), memberKey(owner));
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      post(API.actions, {
        user: owner,
        action: action,
        value: str(block.value),
        fields: fields,
        locale: state.locale,
        timezone: state.timezone
      }).then(function () {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      });
    });

    // A form with errors gets focus on its first invalid input, so keyboard users land where the fix is.
    var firstInvalid = controls.filter(function (c) { return errors[c.id]; })[0];
    if (firstInvalid) {
      setTimeout(function () { firstInvalid.control.focus(); }, 0);
    }
    return form;
  }

  /* ---------- network ---------- */

  /** POSTs JSON and renders the outcome (reply or error) in the conversation. Never rejects. */
  function post(url, body) {
    var owner = memberKey(body.user);
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return readJson(response).then(function (data) {
        if (response.ok && data && typeof data === 'object' && data.reply) {
          appendReply(data.reply, owner);
        } else if (data && typeof data === 'object' && data.error) {
          appendSystem(str(data.error), owner);
        } else if (!response.ok) {
          appendSystem(t('httpError', response.status), owner);
        } else {
          appendSystem(t('badJson'), owner);
        }
      });
    }, function (err) {
      appendSystem(t('networkError', (err && err.message) || 'network error'), owner);
    }).catch(function (err) {
      appendSystem(t('badJson') + ' ' + ((err && err.message) || ''), owner);
    }).then(function () {
      refreshInbox();
    });
  }

  function readJson(response) {
    return response.text().then(function (text) {
      if (!text) return null;
      try { return JSON.parse(text); } catch (e) { return null; }
    });
  }

  /* ---------- composer ---------- */

  function send(text) {
    text = str(text).trim();
    if (!text) return;
    var who = handle();
    if (!who) {
      appendSystem(t('emptyHandle'));
      els.handle.focus();
      return;
    }
    showThread(memberKey(who));
    remember(text);
    appendUserLine(text, who);
    els.message.value = '';
    els.send.disabled = true;
    post(API.messages, {
      user: who,
      text: text,
      locale: state.locale,
      timezone: state.timezone
    }).then(function () {
      els.send.disabled = false;
    });
  }

  function remember(text) {
    if (state.history[state.history.length - 1] !== text) {
      state.history.push(text);
      if (state.history.length > HISTORY_MAX) state.history.shift();
    }
    state.historyIndex = -1;
    state.draft = '';
  }

  function recall(direction) {
    var h = state.history;
    if (!h.length) return false;
    if (state.historyIndex === -1) {
      if (direction > 0) return false;
      state.draft = els.message.value;
      state.historyIndex = h.length - 1;
    } else {
      var next = state.historyIndex + direction;
      if (next < 0) return true;
      if (next >= h.length) {
        state.historyIndex = -1;
        setMessage(state.draft);
        return true;
      }
      state.historyIndex = next;
    }
    setMessage(h[state.historyIndex]);
    return true;
  }

  function setMessage(value) {
    els.message.value = value;
    var end = value.length;
    try { els.message.setSelectionRange(end, end); } catch (e) { /* ignore */ }
  }

  /* ---------- inbox ---------- */

  function notificationKey(n) {
    return [str(n.at), str(n.kind), str(n.text)].join('|');
  }

  function renderNotification(n, owner) {
    var item = testid(el('article', 'note'), 'notification');
    item.setAttribute('data-kind', str(n.kind));
    item.setAttribute('data-owner', owner);
    var head = el('div', 'note__meta');
    // the server's label for the kind when it gives one, else the kind itself
    var label = n.label ? str(n.label) : str(n.kind).replace(/^nudge\./, '').replace(/[._]/g, ' ');
    head.appendChild(testid(el('span', 'note__kind', label), 'notification-kind'));
    if (n.at) {
      var time = el('time', 'note__time', dateTimeLabel(n.at));
      time.setAttribute('datetime', str(n.at));
      head.appendChild(time);
    }
    item.appendChild(head);
    var reply = n.reply && typeof n.reply === 'object' ? n.reply : { text: n.text, blocks: [] };
    item.appendChild(renderReply(reply));
    return item;
  }

  function showInboxEmpty(user) {
    els.inbox.textContent = '';
    var empty = testid(el('p', 'inbox__empty', t('inboxEmpty', user)), 'inbox-empty');
    els.inbox.appendChild(empty);
  }

  function renderInbox(user, notifications) {
    var keys = notifications.map(notificationKey);
    var sameUser = state.inboxUser === user;
    var prefix = sameUser && keys.length >= state.inboxKeys.length &&
      state.inboxKeys.every(function (k, i) { return keys[i] === k; });
    var stick = nearBottom(els.inbox);

    if (!sameUser || !prefix) {
      // Another member, or history changed: rebuild quietly (no announcement for old items).
      els.inbox.setAttribute('aria-busy', 'true');
      els.inbox.textContent = '';
      notifications.forEach(function (n) { els.inbox.appendChild(renderNotification(n, user)); });
      els.inbox.removeAttribute('aria-busy');
      stick = true;
    } else {
      if (state.inboxKeys.length === 0 && keys.length) els.inbox.textContent = '';
      notifications.slice(state.inboxKeys.length).forEach(function (n) {
        els.inbox.appendChild(renderNotification(n, user));
      });
    }
    if (!notifications.length) showInboxEmpty(user);

    state.inboxUser = user;
    state.inboxKeys = keys;
    els.inboxOwner.textContent = t('inboxFor', user);
    els.inboxCount.hidden = notifications.length === 0;
    els.inboxCount.textContent = String(notifications.length);
    els.inboxCount.setAttribute('aria-label', t('unread', notifications.length));
    els.inboxStatus.textContent = '';
    els.inboxStatus.classList.remove('inbox-status--error');
    if (stick) els.inbox.scrollTop = els.inbox.scrollHeight;
  }

  /** With nobody chosen, the panel says what to do rather than stay blank. */
  function showInboxHint() {
    state.inboxUser = null;
    state.inboxKeys = [];
    els.inbox.textContent = '';
    els.inbox.appendChild(testid(el('p', 'inbox__empty', t('inboxNoHandle')), 'inbox-empty'));
    els.inboxOwner.textContent = '';
    els.inboxCount.hidden = true;
    els.inboxStatus.textContent = '';
  }

  function refreshInbox() {
    var user = handle();
    if (!user) {
      showInboxHint();
      return;
    }
    if (state.inboxInFlight) {
      state.inboxPending = true;
      return;
    }
    state.inboxInFlight = true;
    state.inboxPending = false;
    fetch(API.inbox + '?user=' + encodeURIComponent(user), { headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return readJson(response).then(function (data) {
          if (user !== handle()) return; // the handle changed while we waited
          if (response.ok && data && Array.isArray(data.notifications)) {
            renderInbox(user, data.notifications);
          } else {
            if (state.inboxUser !== user) {
              state.inboxUser = user;
              state.inboxKeys = [];
              els.inbox.textContent = '';
            }
            els.inboxOwner.textContent = t('inboxFor', user);
            els.inboxCount.hidden = true;
            els.inboxStatus.textContent = (data && data.error) ? str(data.error) : t('httpError', response.status);
            els.inboxStatus.classList.add('inbox-status--error');
          }
        });
      }, function () {
        els.inboxStatus.textContent = t('inboxOffline');
        els.inboxStatus.classList.add('inbox-status--error');
      })
      .catch(function () { /* rendering problem: keep polling */ })
      .then(function () {
        state.inboxInFlight = false;
        if (state.inboxPending) refreshInbox();
      });
  }

  function scheduleInbox() {
    if (state.inboxTimer) clearInterval(state.inboxTimer);
    state.inboxTimer = setInterval(function () {
      if (!document.hidden) refreshInbox();
    }, INBOX_REFRESH_MS);
  }

  /* ---------- language ---------- */

  function translate(root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-i18n]'), function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
  }

  function renderChips() {
    var group = $('chips');
    Array.prototype.forEach.call(group.querySelectorAll('.chip'), function (chip) { chip.remove(); });
    (CHIPS[state.locale] || CHIPS.en).forEach(function (command) {
      var chip = testid(el('button', 'chip', command), 'chip');
      chip.type = 'button';
      chip.setAttribute('data-command', command);
      group.appendChild(chip);
    });
  }

  function applyLocale(locale) {
    state.locale = locale === 'fr' ? 'fr' : 'en';
    document.documentElement.lang = state.locale;
    var radio = $('lang-' + state.locale);
    if (radio) radio.checked = true;
    translate(document);
    els.message.placeholder = t('placeholder');
    renderChips();
    renderLeads();
    if (!handle()) showInboxHint();
    if (state.inboxUser) {
      // Dates in the notifications are formatted for the language: redraw them on the next refresh.
      els.inboxOwner.textContent = t('inboxFor', state.inboxUser);
      state.inboxUser = null;
      state.inboxKeys = [];
      refreshInbox();
    }
  }

  /**
   * The EN/FR switch is the member's language, as Slack's or Teams' own setting would be: Tandem is told at once,
   * so what it sends them next (a notification from someone else) is in it, not only after they type.
   */
  function tellLanguage() {
    var who = handle();
    if (!who) return;
    var owner = memberKey(who);
    var locale = state.locale;
    fetch(API.language, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ user: who, locale: locale })
    }).then(function (response) {
      return readJson(response).then(function (data) {
        if (response.ok && data && data.language) {
          if (data.language !== locale) {
            var names = (UI[state.locale] || UI.en).languageNames;
            appendSystem(t('languageKept', str(data.user), names[data.language] || data.language), owner, true);
          }
        } else {
          appendSystem((data && data.error) ? str(data.error) : t('httpError', response.status), owner);
        }
      });
    }, function (err) {
      appendSystem(t('networkError', (err && err.message) || 'network error'), owner);
    });
  }

  /* ---------- programme leads: named on the page, one click to become one ---------- */

  function renderLeads() {
    var box = $('leads');
    if (!box) return;
    box.textContent = '';
    var leads = state.leads || [];
    box.hidden = leads.length === 0;
    if (!leads.length) return;
    var names = leads.map(function (l) { return str(l.name) + ' (@' + str(l.handle) + ')'; }).join(', ');
    box.appendChild(testid(el('span', 'leads__names', t(leads.length === 1 ? 'lead' : 'leads', names)), 'leads-names'));
    leads.forEach(function (l) {
      var btn = testid(el('button', 'btn leads__become', t('becomeLead', str(l.handle))), 'become-lead');
      btn.type = 'button';
      btn.setAttribute('data-handle', str(l.handle));
      btn.addEventListener('click', function () {
        els.handle.value = str(l.handle);
        handleChanged();
        els.message.focus();
      });
      box.appendChild(btn);
    });
  }

  function loadLeads() {
    fetch(API.leads, { headers: { 'Accept': 'application/json' } }).then(function (response) {
      return readJson(response).then(function (data) {
        if (response.ok && data && Array.isArray(data.leads)) {
          state.leads = data.leads.filter(function (l) { return l && l.handle; });
          renderLeads();
        }
      });
    }).catch(function () { /* no leads named: nothing to show */ });
  }

  /* ---------- time travel (only when the server offers it: local demos) ---------- */

  function showClock(data) {
    els.timeNow.textContent = t('timeNow', dateTimeLabel(str(data.now)));
  }

  function initTimeTravel() {
    els.timeTravel = $('time-travel');
    els.timeNow = $('time-now');
    if (!els.timeTravel) return;
    fetch(API.clock, { headers: { 'Accept': 'application/json' } }).then(function (response) {
      if (!response.ok) return;
      return response.json().then(function (data) {
        showClock(data);
        els.timeTravel.hidden = false;
      });
    }).catch(function () { /* no time travel */ });
    Array.prototype.forEach.call(els.timeTravel.querySelectorAll('button[data-advance]'), function (btn) {
      btn.addEventListener('click', function () {
        btn.disabled = true;
        fetch(API.clock, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
          body: JSON.stringify({ advance: btn.getAttribute('data-advance'), locale: state.locale,
            timezone: state.timezone })
        }).then(function (response) {
          return readJson(response).then(function (data) {
            if (response.ok && data) {
              showClock(data);
              // what is still waiting, and when it goes, as the server words it (a travel that sent nothing says why)
              var details = [];
              if (data.message) details.push(str(data.message));
              if (Array.isArray(data.waiting)) details = details.concat(data.waiting.map(str));
              appendSystem(t('travelled', dateTimeLabel(str(data.now)), data.sent), undefined, true, details);
              refreshInbox();
            } else {
              appendSystem((data && data.error) ? str(data.error) : t('httpError', response.status));
            }
          });
        }, function (err) {
          appendSystem(t('networkError', err && err.message ? err.message : ''));
        }).then(function () { btn.disabled = false; });
      });
    });
  }

  /* ---------- wiring ---------- */

  /** "You are" changed: that member's own conversation and notifications. */
  function handleChanged() {
    var value = handle();
    if (value) storageSet(HANDLE_KEY, value);
    if (value) showThread(memberKey(value));
    if (!value) {
      showInboxHint();
    } else if (value !== state.inboxUser) {
      state.inboxKeys = [];
      refreshInbox();
    }
  }

  function init() {
    els.handle = $('handle');
    els.message = $('message');
    els.send = $('send');
    els.composer = $('composer');
    els.conversation = $('conversation');
    els.inbox = $('inbox');
    els.inboxOwner = $('inbox-owner');
    els.inboxCount = $('inbox-count');
    els.inboxStatus = $('inbox-status');

    var saved = storageGet(HANDLE_KEY);
    if (saved) els.handle.value = saved;
    var welcome = els.conversation.querySelector('.welcome');
    if (welcome) state.welcome = welcome.cloneNode(true);
    state.thread = memberKey(handle());
    initTimeTravel();
    loadLeads();

    applyLocale(state.locale);

    els.composer.addEventListener('submit', function (event) {
      event.preventDefault();
      send(els.message.value);
    });

    els.message.addEventListener('keydown', function (event) {
      if (event.isComposing) return;
      if (event.key === 'ArrowUp') {
        // Recall only when the caret is on the (single) line's start or the box is empty/unchanged history.
        if (els.message.value === '' || state.historyIndex !== -1 || els.message.selectionStart === 0) {
          if (recall(-1)) event.preventDefault();
        }
      } else if (event.key === 'ArrowDown') {
        if (state.historyIndex !== -1 && recall(1)) event.preventDefault();
      } else if (event.key === 'Escape') {
        state.historyIndex = -1;
        els.message.value = '';
      }
    });

    $('chips').addEventListener('click', function (event) {
      var chip = event.target.closest('.chip');
      if (!chip) return;
      send(chip.getAttribute('data-command'));
      els.message.focus();
    });

    els.handle.addEventListener('change', handleChanged);
    els.handle.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        handleChanged();
        els.message.focus();
      }
    });

    Array.prototype.forEach.call(document.querySelectorAll('input[name="locale"]'), function (radio) {
      radio.addEventListener('change', function () {
        if (radio.checked) {
          storageSet(LOCALE_KEY, radio.value);
          applyLocale(radio.value);
          tellLanguage();
        }
      });
    });

    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) refreshInbox();
    });

    refreshInbox();
    scheduleInbox();
    els.message.focus();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
