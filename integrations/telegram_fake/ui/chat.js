// The chat page over the fake Telegram: act as a resident or a staff member, and see the bot answer live.
// Plain DOM code, no build step. Text is always inserted as text, never as HTML: formatting is rebuilt
// from Telegram's entities, whose offsets count UTF-16 units exactly as JavaScript strings do.
"use strict";

(() => {
  const API = "/ui/api";
  const PHONE_WIDTH = 760;

  const S = {
    bootId: null,
    title: "",
    bot: null,
    timezone: undefined,
    people: new Map(), // user id -> person
    chats: new Map(), // chat id -> chat
    messages: new Map(), // chat id -> Map(message id -> message)
    loaded: new Set(), // chats whose history was fetched
    unread: new Map(),
    actAs: null,
    panes: [], // open chats, left to right
    focusOrder: [], // most recently focused last
    focused: null,
    replyTo: new Map(), // chat id -> message id
    topic: new Map(), // chat id -> thread id (forums)
    typingUntil: new Map(),
    pendingPress: new Map(), // callback query id -> button element
    lastPress: null, // {chatId, at}: where the person last tapped an inline button
    dirty: new Set(),
    listDirty: false,
    frame: 0,
  };

  const $ = (selector, root = document) => root.querySelector(selector);

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // --- talking to the server ------------------------------------------------------------------------

  async function api(path, options = {}) {
    const init = { method: options.method || "GET", headers: {} };
    if (options.form) {
      init.body = options.form;
    } else if (options.json !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.json);
    }
    const response = await fetch(API + path, init);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
    return body;
  }

  async function act(promise) {
    try {
      return await promise;
    } catch (error) {
      toast(error.message, "error");
      return null;
    }
  }

  // --- formatting -----------------------------------------------------------------------------------

  const dateFormats = {};
  function fmt(kind, seconds) {
    if (!dateFormats[kind]) {
      const options = {
        time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
        day: { weekday: "short", day: "numeric", month: "long", year: "numeric" },
        clock: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      }[kind];
      dateFormats[kind] = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: S.timezone });
    }
    return dateFormats[kind].format(new Date(seconds * 1000));
  }

  function duration(seconds) {
    if (seconds < 60) return "";
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const parts = [];
    if (days) parts.push(`${days} d`);
    if (hours) parts.push(`${hours} h`);
    if (minutes && !days) parts.push(`${minutes} min`);
    return "+" + parts.join(" ");
  }

  const SAFE_LINK = /^(https?:|mailto:|tel:|tg:)/i;

  function safeHref(url) {
    const trimmed = (url || "").trim();
    if (SAFE_LINK.test(trimmed)) return trimmed;
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null; // javascript:, data: and the like
    return "http://" + trimmed;
  }

  // Telegram's entities as DOM: nested by offset, as Telegram's own clients draw them.
  function formatted(text, entities, chatId) {
    const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
    const root = document.createDocumentFragment();
    render(root, 0, text.length, sorted);
    return root;

    function render(parent, start, end, list) {
      let pos = start;
      let i = 0;
      while (i < list.length) {
        const entity = list[i];
        const from = Math.max(entity.offset, pos);
        const to = Math.min(entity.offset + entity.length, end);
        const children = [];
        i += 1;
        while (i < list.length && list[i].offset < to) children.push(list[i++]);
        if (from > pos) parent.append(text.slice(pos, from));
        if (to > from) {
          const node = wrap(entity, text.slice(from, to));
          parent.append(node);
          render(node.querySelector("code") || node, from, to, children);
        }
        pos = Math.max(pos, to);
      }
      if (end > pos) parent.append(text.slice(pos, end));
    }

    function wrap(entity, inner) {
      switch (entity.type) {
        case "bold": return el("b");
        case "italic": return el("i");
        case "underline": return el("u");
        case "strikethrough": return el("s");
        case "code": return el("code");
        case "pre": return el("pre", {}, el("code", { class: entity.language ? `language-${entity.language}` : null }));
        case "blockquote":
        case "expandable_blockquote": return el("blockquote");
        case "spoiler": return el("span", { class: "spoiler", title: "Spoiler", onclick: (e) => e.currentTarget.classList.add("shown") });
        case "text_link": return link(entity.url);
        case "url": return link(inner);
        case "email": return link("mailto:" + inner);
        case "phone_number": return link("tel:" + inner.replace(/[^+\d]/g, ""));
        case "bot_command":
          return el("a", { class: "cmd", href: "#", title: "Send this command", onclick: (e) => { e.preventDefault(); sendText(chatId, inner); } });
        default: return el("span", { class: `entity-${entity.type}` });
      }
    }

    function link(url) {
      const href = safeHref(url);
      return href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }) : el("span");
    }
  }

  const COLORS = ["#e17076", "#7bc862", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb", "#faa774"];
  function avatar(chat) {
    const title = chat.title || "?";
    const letter = Array.from(title.trim())[0] || "?";
    return el("span", { class: "avatar", style: `background:${COLORS[Math.abs(chat.id) % COLORS.length]}`, text: letter.toUpperCase() });
  }

  // --- who we are -----------------------------------------------------------------------------------

  function person(userId) {
    return S.people.get(Number(userId)) || null;
  }

  function canWrite(chat) {
    return S.actAs !== null && chat.members.includes(S.actAs);
  }

  function setActAs(userId, { open = true } = {}) {
    const who = person(userId);
    if (!who) return;
    S.actAs = who.user_id;
    localStorage.setItem("estatedesk.actAs", String(who.user_id));
    $("#act-as").value = String(who.user_id);
    for (const chatId of S.panes) markDirty(chatId);
    if (open && S.chats.has(who.home_chat_id)) openChat(who.home_chat_id);
    loadPhone(who.user_id);
  }

  function fillPeople() {
    const select = $("#act-as");
    select.replaceChildren();
    const groups = new Map();
    for (const who of S.people.values()) {
      if (!groups.has(who.group)) groups.set(who.group, el("optgroup", { label: who.group }));
      const label = who.detail ? `${who.name} · ${who.detail}` : who.name;
      groups.get(who.group).append(el("option", { value: String(who.user_id), text: label }));
    }
    select.append(...groups.values());
  }

  // --- the chat list --------------------------------------------------------------------------------

  function chatLabel(chat) {
    if (chat.type === "private") {
      const who = person(chat.id);
      if (who && who.detail) return `${chat.title} · ${who.detail}`;
    }
    return chat.title;
  }

  function renderChatList() {
    const filter = $("#chat-filter").value.trim().toLowerCase();
    const list = $("#chat-list");
    const staff = (c) => Boolean(person(c.id) && person(c.id).staff);
    const sections = [
      ["Staff groups", (c) => c.type !== "private"],
      ["Staff's private chats with the bot", (c) => c.type === "private" && staff(c)],
      ["Residents' chats with the bot", (c) => c.type === "private" && !staff(c)],
    ];
    const nodes = [];
    for (const [name, test] of sections) {
      const chats = [...S.chats.values()].filter(test).filter((c) => !filter || chatLabel(c).toLowerCase().includes(filter));
      if (!chats.length) continue;
      nodes.push(el("div", { class: "chat-section", text: name }));
      for (const chat of chats) {
        const unread = S.unread.get(chat.id) || 0;
        const classes = ["chat-item"];
        if (S.panes.includes(chat.id)) classes.push("open");
        if (S.focused === chat.id) classes.push("focused");
        nodes.push(
          el("button", { type: "button", class: classes.join(" "), dataset: { chatId: chat.id }, onclick: () => openChat(chat.id) },
            avatar(chat),
            el("span", { class: "chat-main" },
              el("span", { class: "chat-title", text: chatLabel(chat) }),
              el("span", { class: "chat-last", text: chat.last ? chat.last.text : (chat.type === "private" ? "not started" : "") })),
            el("span", { class: "chat-side" },
              chat.last ? el("time", { text: fmt("time", chat.last.date) }) : null,
              unread ? el("span", { class: "badge hot", text: String(unread) }) : null)));
      }
    }
    list.replaceChildren(...nodes);
  }

  // --- panes ----------------------------------------------------------------------------------------

  function maxPanes() {
    const width = window.innerWidth;
    if (width <= PHONE_WIDTH) return 1;
    return Math.max(1, Math.min(3, Math.floor((width - 300) / 400)));
  }

  function paneOf(chatId) {
    return $(`.pane[data-chat-id="${chatId}"]`);
  }

  async function openChat(chatId) {
    chatId = Number(chatId);
    if (!S.chats.has(chatId)) return;
    if (!S.panes.includes(chatId)) {
      while (S.panes.length >= maxPanes()) {
        // Replace the chat looked at least recently.
        const oldest = S.focusOrder.find((id) => S.panes.includes(id)) ?? S.panes[0];
        closePane(oldest, { keepView: true });
      }
      S.panes.push(chatId);
      buildPane(chatId);
    }
    focusPane(chatId);
    if (!S.loaded.has(chatId)) await loadMessages(chatId);
  }

  function focusPane(chatId) {
    S.focused = chatId;
    S.focusOrder = S.focusOrder.filter((id) => id !== chatId).concat(chatId);
    S.unread.delete(chatId);
    for (const pane of document.querySelectorAll(".pane")) pane.classList.toggle("focused", Number(pane.dataset.chatId) === chatId);
    $("#layout").classList.add("show-chat");
    S.listDirty = true;
    schedule();
  }

  function closePane(chatId, { keepView = false } = {}) {
    S.panes = S.panes.filter((id) => id !== chatId);
    const pane = paneOf(chatId);
    if (pane) pane.remove();
    if (S.focused === chatId) S.focused = null;
    if (!S.panes.length) {
      $(".panes-empty").hidden = false;
      if (!keepView) $("#layout").classList.remove("show-chat");
    } else if (S.focused === null && !keepView) {
      focusPane(S.focusOrder.filter((id) => S.panes.includes(id)).pop());
    }
    S.listDirty = true;
    schedule();
  }

  function buildPane(chatId) {
    const pane = $("#pane-template").content.firstElementChild.cloneNode(true);
    pane.dataset.chatId = String(chatId);
    $(".panes-empty").hidden = true;
    $("#panes").append(pane);
    pane.addEventListener("mousedown", () => { if (S.focused !== chatId) focusPane(chatId); });
    $(".pane-close", pane).addEventListener("click", () => closePane(chatId));
    $(".pane-back", pane).addEventListener("click", () => $("#layout").classList.remove("show-chat"));
    $(".replying-cancel", pane).addEventListener("click", () => { S.replyTo.delete(chatId); markDirty(chatId); });
    const text = $(".composer-text", pane);
    $(".composer", pane).addEventListener("submit", async (event) => {
      event.preventDefault();
      const value = text.value;
      if (!value.trim()) return;
      const over = tooLong(value, MAX_TEXT);
      if (over) {
        toast(over, "error");
        return; // the text stays in the box to be shortened
      }
      text.value = "";
      autosize(text);
      if (!(await sendText(chatId, value))) restore(text, value);
    });
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $(".composer", pane).requestSubmit();
      }
    });
    text.addEventListener("input", () => autosize(text));
    $(".file-input", pane).addEventListener("change", (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (file) sendFile(chatId, file, text);
    });
    // A chat read at its newest message stays there when its list changes size: another pane opens beside
    // it (lines wrap, the bottom bar grows), the window is resized. The browser's own scroll adjustment on such
    // a change arrives as a scroll event before the resize is observed: only scrolls at a known size decide
    // whether the reader left the bottom.
    const box = $(".messages", pane);
    const size = () => `${box.clientWidth}x${box.clientHeight}`;
    let knownSize = "";
    box.addEventListener("scroll", () => {
      if (size() !== knownSize) return;
      box.dataset.pinned = String(box.scrollHeight - box.scrollTop - box.clientHeight < 40);
    });
    new ResizeObserver(() => {
      knownSize = size();
      if (box.dataset.pinned !== "false") box.scrollTop = box.scrollHeight;
    }).observe(box);
    renderPane(chatId);
  }

  // Telegram's limits, counted in characters (code points) as the Bot API counts them.
  const MAX_TEXT = 4096;
  const MAX_CAPTION = 1024;

  function tooLong(value, limit) {
    const length = [...value].length;
    if (length <= limit) return null;
    const n = (x) => x.toLocaleString("en-US");
    return `Telegram takes at most ${n(limit)} characters; this has ${n(length)}. Shorten it by ${n(length - limit)}.`;
  }

  // A message the server refused goes back into the box, unless something new was typed meanwhile.
  function restore(textarea, value) {
    if (textarea.value) return;
    textarea.value = value;
    autosize(textarea);
  }

  function autosize(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = Math.min(textarea.scrollHeight, 140) + "px";
  }

  function renderPane(chatId) {
    const pane = paneOf(chatId);
    const chat = S.chats.get(chatId);
    if (!pane || !chat) return;
    $(".pane-head .avatar", pane).replaceWith(avatar(chat));
    $(".pane-name", pane).textContent = chatLabel(chat);
    const subtitle = $(".pane-subtitle", pane);
    const typing = (S.typingUntil.get(chatId) || 0) > Date.now();
    subtitle.classList.toggle("typing", typing);
    if (typing) subtitle.textContent = `${S.bot ? S.bot.name : "bot"} is typing…`;
    else if (chat.type === "private") subtitle.textContent = `private chat with @${S.bot ? S.bot.username : "bot"}`;
    else subtitle.textContent = `group · ${chat.members.length} staff + bot`;
    renderTopics(pane, chat);
    renderMessages(pane, chat);
    renderComposer(pane, chat);
  }

  function renderTopics(pane, chat) {
    const nav = $(".topics", pane);
    nav.hidden = !chat.is_forum;
    if (!chat.is_forum) return;
    const current = S.topic.get(chat.id) ?? null;
    const pick = (id) => () => { S.topic.set(chat.id, id); markDirty(chat.id); };
    nav.replaceChildren(
      el("button", { type: "button", class: current === null ? "active" : null, text: "All", onclick: pick(null) }),
      ...chat.topics.map((t) =>
        el("button", { type: "button", class: current === t.id ? "active" : null, text: (t.closed ? "🔒 " : "# ") + t.name, onclick: pick(t.id), dataset: { topicId: t.id } })));
  }

  function renderMessages(pane, chat) {
    const box = $(".messages", pane);
    const pinned = box.dataset.pinned !== "false";
    const topic = S.topic.get(chat.id) ?? null;
    const all = [...(S.messages.get(chat.id) || new Map()).values()]
      .filter((m) => !m.deleted)
      .filter((m) => topic === null || m.thread_id === topic)
      .sort((a, b) => a.message_id - b.message_id);
    const nodes = [];
    let day = "";
    for (let i = 0; i < all.length; i += 1) {
      const message = all[i];
      const thisDay = fmt("day", message.date);
      if (thisDay !== day) {
        day = thisDay;
        nodes.push(el("div", { class: "day", text: thisDay }));
      }
      if (message.service) {
        nodes.push(el("div", { class: "service", text: message.service, dataset: { messageId: message.message_id } }));
        continue;
      }
      const album = [message];
      while (message.media_group_id && i + 1 < all.length && all[i + 1].media_group_id === message.media_group_id) album.push(all[++i]);
      nodes.push(renderMessage(chat, album));
    }
    if (!nodes.length) {
      const hint = chat.type === "private" ? "No messages yet. Send /start to begin." : "No messages here yet.";
      nodes.push(el("div", { class: "service empty-chat", text: hint }));
    }
    box.replaceChildren(...nodes);
    if (pinned) box.scrollTop = box.scrollHeight;
  }

  function renderMessage(chat, album) {
    const first = album[0];
    const out = first.from.id === S.actAs;
    const withText = album.find((m) => m.text) || first;
    const bubble = el("div", { class: "bubble" });
    if (chat.type !== "private" && !out) bubble.append(el("div", { class: "sender", text: first.from.name }));
    if (chat.is_forum && (S.topic.get(chat.id) ?? null) === null && first.thread_id) {
      const topic = chat.topics.find((t) => t.id === first.thread_id);
      if (topic) bubble.append(el("div", { class: "topic-tag", text: `# ${topic.name}` }));
    }
    if (first.reply_to) {
      bubble.append(
        el("div", { class: "quote", title: "Show the message this replies to", onclick: () => flash(chat.id, first.reply_to.message_id) },
          el("b", { text: first.reply_to.from_name }), el("span", { text: first.reply_to.text })));
    }
    const photos = album.filter((m) => m.photo);
    if (photos.length > 1) {
      bubble.append(el("div", { class: "album" }, photos.map((m) => photo(m.photo))));
    } else if (photos.length === 1) {
      bubble.append(el("div", { class: "media" }, photo(photos[0].photo)));
    }
    for (const m of album) {
      if (m.document) {
        bubble.append(el("a", { class: "file", href: m.document.url, target: "_blank", rel: "noopener" },
          el("span", { class: "file-icon", text: "📄" }), el("span", { text: m.document.file_name || "file" })));
      }
    }
    if (first.sticker) bubble.append(el("div", { class: "sticker" }, el("img", { src: first.sticker.url, alt: first.sticker.emoji || "sticker" })));
    if (first.contact) {
      const c = first.contact;
      bubble.append(el("div", { class: "contact-card" }, el("span", { class: "file-icon", text: "👤" }),
        el("span", {}, el("b", { text: [c.first_name, c.last_name].filter(Boolean).join(" ") }), el("br"), c.phone_number)));
    }
    if (first.location) bubble.append(el("div", { text: `📍 ${first.location.latitude}, ${first.location.longitude}` }));
    const meta = el("span", { class: "meta" },
      album.some((m) => m.edited) ? el("span", { class: "edited", text: "edited" }) : null,
      el("time", { text: fmt("time", first.date), title: new Date(first.date * 1000).toISOString() }));
    const text = withText.text ? el("div", { class: "text" }, formatted(withText.text, withText.entities, chat.id), meta) : null;
    bubble.append(text || meta);
    const reactions = first.reactions || [];
    if (reactions.length) {
      bubble.append(el("div", { class: "reactions" },
        reactions.map((r) => el("span", { class: "reaction", title: "Reaction", text: r.count > 1 ? `${r.emoji} ${r.count}` : r.emoji }))));
    }
    const classes = ["msg", out ? "out" : "in"];
    if (first.from.is_bot) classes.push("from-bot");
    if (first.edited) classes.push("is-edited");
    const node = el("div", { class: classes.join(" "), dataset: { messageId: first.message_id, messageIds: album.map((m) => m.message_id).join(" ") } },
      bubble,
      el("button", { type: "button", class: "reply-btn", title: "Reply", "aria-label": "Reply", text: "↩", onclick: () => startReply(chat.id, first.message_id) }));
    const keyboard = album.flatMap((m) => m.inline_keyboard.length ? [[m, m.inline_keyboard]] : []);
    for (const [m, rows] of keyboard) node.append(inlineKeyboard(chat, m, rows));
    return node;
  }

  function photo(info) {
    const img = el("img", { src: info.url, alt: "Photo", loading: "lazy" });
    if (info.width && info.height) img.style.aspectRatio = `${info.width} / ${info.height}`;
    img.addEventListener("click", () => {
      const box = $("#lightbox");
      $("img", box).src = info.url;
      box.hidden = false;
    });
    return img;
  }

  function inlineKeyboard(chat, message, rows) {
    return el("div", { class: "inline-keyboard" },
      rows.map((row) => el("div", { class: "kb-row" },
        row.map((button) => {
          if (button.url) {
            const href = safeHref(button.url);
            return el("a", { href: href || "#", target: "_blank", rel: "noopener noreferrer", text: button.text + " ↗" });
          }
          return el("button", {
            type: "button",
            text: button.text,
            disabled: button.callback_data === undefined,
            dataset: { callbackData: button.callback_data ?? "" },
            onclick: (event) => press(chat.id, message.message_id, button.callback_data, event.currentTarget),
          });
        }))));
  }

  function renderComposer(pane, chat) {
    const writable = canWrite(chat);
    const composer = $(".composer", pane);
    const locked = $(".locked", pane);
    composer.hidden = !writable;
    locked.hidden = writable;
    // Rebuilt only when what it shows changes: a pane re-renders at every message or typing event, and a button
    // replaced between a press and its release never gets the click.
    const members = writable ? [] : chat.members.map(person).filter(Boolean).slice(0, 3);
    const lockedKey = writable ? "" : [S.actAs, ...members.map((who) => `${who.user_id}:${who.name}`)].join(",");
    if (!writable && locked.dataset.key !== lockedKey) {
      locked.dataset.key = lockedKey;
      const me = person(S.actAs);
      locked.replaceChildren(
        el("span", { text: `${me ? me.name : "Nobody"} cannot write in this chat.` }),
        ...members.map((who) => el("button", { type: "button", text: `Act as ${who.name}`, onclick: () => setActAs(who.user_id, { open: false }) })));
    }
    const replying = $(".replying", pane);
    const replyId = S.replyTo.get(chat.id);
    const replied = replyId ? (S.messages.get(chat.id) || new Map()).get(replyId) : null;
    replying.hidden = !(writable && replied);
    if (writable && replied) {
      $(".replying-name", pane).textContent = `Reply to ${replied.from.name}`;
      $(".replying-text", pane).textContent = replied.text || (replied.photo ? "Photo" : "Message");
    }
    const keyboardBox = $(".reply-keyboard", pane);
    const keyboard = chat.reply_keyboard;
    keyboardBox.hidden = !(writable && keyboard);
    const keyboardKey = writable && keyboard ? JSON.stringify(keyboard.rows) : "";
    if (writable && keyboard && keyboardBox.dataset.key !== keyboardKey) {  // rebuilt only when it changes, as above
      keyboardBox.dataset.key = keyboardKey;
      keyboardBox.replaceChildren(...keyboard.rows.map((row) => el("div", { class: "kb-row" },
        row.map((button) => el("button", {
          type: "button",
          text: button.text,
          dataset: { request: button.request || "" },
          onclick: () => replyKeyboardButton(chat.id, button),
        })))));
    }
    $(".composer-text", pane).placeholder =
      (writable && replied && replied.force_reply && replied.force_reply.placeholder)
      || (writable && keyboard && keyboard.placeholder)
      || "Message";
  }

  function startReply(chatId, messageId) {
    S.replyTo.set(chatId, messageId);
    markDirty(chatId);
    const pane = paneOf(chatId);
    if (pane) $(".composer-text", pane).focus();
  }

  // As Telegram's clients do: open the reply box on the bot's question for whom it asks. A selective one in a
  // group is for the person it replies to, or here also for whoever just tapped a button there (the bot
  // asks them for the note).
  function forceReply(chat, message) {
    if (!canWrite(chat)) return;
    const { selective } = message.force_reply;
    const repliesToMe = message.reply_to && message.reply_to.from_id === S.actAs;
    const justPressed = S.lastPress && S.lastPress.chatId === chat.id && Date.now() - S.lastPress.at < 15000;
    if (selective && chat.type !== "private" && !repliesToMe && !justPressed) return;
    startReply(chat.id, message.message_id);
  }

  function flash(chatId, messageId) {
    const pane = paneOf(chatId);
    if (!pane) return;
    const node = [...pane.querySelectorAll(".msg")].find((n) => n.dataset.messageIds.split(" ").includes(String(messageId)));
    if (!node) return toast("That message is not shown here");
    node.scrollIntoView({ block: "center", behavior: "smooth" });
    node.classList.remove("flash");
    void node.offsetWidth;
    node.classList.add("flash");
  }

  // --- acting ---------------------------------------------------------------------------------------

  function placement(chatId) {
    const where = {};
    const replyTo = S.replyTo.get(chatId);
    if (replyTo) where.reply_to = replyTo;
    const topic = S.topic.get(chatId);
    if (topic !== undefined && topic !== null) where.thread_id = topic;
    S.replyTo.delete(chatId);
    return where;
  }

  function pin(chatId) {
    const pane = paneOf(chatId);
    if (pane) $(".messages", pane).dataset.pinned = "true";
  }

  async function sendText(chatId, text) {
    pin(chatId);
    const result = await act(api(`/chats/${chatId}/messages`, { method: "POST", json: { user_id: S.actAs, text, ...placement(chatId) } }));
    if (result) absorb(result);
    return Boolean(result);
  }

  async function sendFile(chatId, file, textarea) {
    const form = new FormData();
    form.append("user_id", String(S.actAs));
    const typed = textarea.value;
    const caption = typed.trim();
    const over = tooLong(caption, MAX_CAPTION);
    if (over) return toast(`Caption: ${over}`, "error");
    if (caption) form.append("caption", caption);
    for (const [key, value] of Object.entries(placement(chatId))) form.append(key, String(value));
    form.append("photo", file, file.name);
    textarea.value = "";
    pin(chatId);
    const result = await act(api(`/chats/${chatId}/photos`, { method: "POST", form }));
    if (result) absorb(result);
    else restore(textarea, typed);
  }

  async function replyKeyboardButton(chatId, button) {
    if (button.request === "request_contact") {
      pin(chatId);
      const result = await act(api(`/chats/${chatId}/contact`, { method: "POST", json: { user_id: S.actAs } }));
      if (result) absorb(result);
    } else if (!button.request) {
      await sendText(chatId, button.text);
    } else {
      toast(`"${button.text}" (${button.request}) is not available in the demo`);
    }
  }

  async function press(chatId, messageId, data, button) {
    button.classList.add("pending");
    S.lastPress = { chatId, at: Date.now() };
    const result = await act(api(`/chats/${chatId}/messages/${messageId}/press`, { method: "POST", json: { user_id: S.actAs, callback_data: data } }));
    if (result) S.pendingPress.set(result.callback_query_id, button);
    else button.classList.remove("pending");
  }

  // What an action answered: the person's own message and the chat as it is now.
  function absorb(result) {
    if (result.chat) updateChat(result.chat);
    if (result.message) upsert(result.message);
  }

  // --- state updates --------------------------------------------------------------------------------

  function updateChat(chat) {
    // An action's answer can arrive after the stream already brought newer messages (the bot is
    // quick): a snapshot with fewer messages than we know is older, and must not undo them
    // (it would, for one, take away a reply keyboard the bot has just sent).
    const known = S.chats.get(chat.id);
    if (known && typeof known.message_count === "number" && chat.message_count < known.message_count) return;
    S.chats.set(chat.id, chat);
    markDirty(chat.id);
    S.listDirty = true;
  }

  function upsert(message) {
    if (!S.messages.has(message.chat_id)) S.messages.set(message.chat_id, new Map());
    const messages = S.messages.get(message.chat_id);
    if (message.deleted) messages.delete(message.message_id);
    else messages.set(message.message_id, message);
    markDirty(message.chat_id);
  }

  async function loadMessages(chatId) {
    const result = await act(api(`/chats/${chatId}/messages`));
    if (!result) return;
    S.loaded.add(chatId);
    updateChat(result.chat);
    const known = S.messages.get(chatId) || new Map();
    const merged = new Map();
    // Anything the stream delivered while this was loading is at least as new as what was loaded.
    for (const m of result.messages) merged.set(m.message_id, known.get(m.message_id) || m);
    for (const [id, m] of known) if (!merged.has(id) && !m.deleted) merged.set(id, m);
    S.messages.set(chatId, merged);
    markDirty(chatId);
  }

  function markDirty(chatId) {
    S.dirty.add(chatId);
    schedule();
  }

  function schedule() {
    if (S.frame) return;
    S.frame = requestAnimationFrame(() => {
      S.frame = 0;
      const dirty = [...S.dirty];
      S.dirty.clear();
      for (const chatId of dirty) if (S.panes.includes(chatId)) renderPane(chatId);
      if (S.listDirty || dirty.length) {
        S.listDirty = false;
        renderChatList();
      }
    });
  }

  // --- the live stream ------------------------------------------------------------------------------

  function connect() {
    const source = new EventSource(API + "/events");
    const live = $("#live");
    source.addEventListener("open", () => { live.classList.add("on"); live.title = "Live updates: on"; });
    source.addEventListener("error", () => { live.classList.remove("on"); live.title = "Live updates: reconnecting"; });
    source.addEventListener("hello", async (event) => {
      const { boot_id: bootId } = JSON.parse(event.data);
      // A reconnect may have missed changes, and a new boot id means a new world: load everything again.
      if (S.bootId !== null) await reload(bootId !== S.bootId);
      S.bootId = bootId;
    });
    source.addEventListener("message", (event) => {
      const change = JSON.parse(event.data);
      updateChat(change.chat);
      if (S.loaded.has(change.chat_id) || S.panes.includes(change.chat_id)) upsert(change.message);
      if (change.kind === "new_message" && change.message.from.id !== S.actAs && S.focused !== change.chat_id) {
        S.unread.set(change.chat_id, (S.unread.get(change.chat_id) || 0) + 1);
      }
      if (change.message.from.is_bot) S.typingUntil.delete(change.chat_id);
      if (change.kind === "new_message" && change.message.force_reply) forceReply(change.chat, change.message);
    });
    source.addEventListener("callback_answer", (event) => {
      const answer = JSON.parse(event.data);
      const button = S.pendingPress.get(answer.callback_query_id);
      if (button) {
        button.classList.remove("pending");
        S.pendingPress.delete(answer.callback_query_id);
      }
      if (answer.text) toast(answer.text, answer.show_alert ? "alert" : "");
    });
    source.addEventListener("chat_action", (event) => {
      const action = JSON.parse(event.data);
      S.typingUntil.set(action.chat_id, Date.now() + 5000);
      markDirty(action.chat_id);
      // Telegram shows "typing…" for five seconds unless a message comes first.
      setTimeout(() => markDirty(action.chat_id), 5100);
    });
    source.addEventListener("clock", (event) => showClock(JSON.parse(event.data)));
    source.addEventListener("phone", (event) => {
      const call = JSON.parse(event.data);
      if (call.user_id === S.actAs) showCall(call);
    });
  }

  // --- the phone: call the hotline as the acting person ---------------------------------------------

  const P = { available: false, call: null, spoken: new Map(), busy: false, answered: new Set() };

  function ringing(call) {
    // A call the desk placed (a follow-up survey, a fee reminder) rings until the person answers it here.
    return call !== null && !call.ended && call.direction !== "inbound" && !P.answered.has(call.sid);
  }

  async function loadPhone(userId) {
    let answer = null;
    try {
      answer = await api(`/phone?user_id=${encodeURIComponent(userId)}`);
    } catch (error) {
      answer = null; // no phone in this demo (the estate has no [phone]), or nobody to call as
    }
    P.available = answer !== null;
    $("#phone-button").hidden = !P.available;
    if (!P.available) $("#phone-panel").hidden = true;
    if (userId !== S.actAs) return;
    P.call = answer && answer.call ? { user_id: userId, ...answer.call } : null;
    renderPhone();
  }

  function showCall(call) {
    P.call = call;
    $("#phone-panel").hidden = false;
    renderPhone();
    if (!ringing(call)) speak(call);
  }

  function renderPhone() {
    const call = P.call;
    const onCall = call !== null && !call.ended;
    const rings = ringing(call);
    const who = person(S.actAs);
    $("#phone-status").textContent = rings ? "Incoming call"
      : onCall ? (call.waiting_for ? "On the line" : "Connecting…")
      : call ? "Call ended" : "Call the hotline";
    $("#phone-number").textContent = call ? `${call.from} → ${call.to}` : who ? who.name : "";
    $("#phone-idle").hidden = onCall;
    $("#phone-incoming").hidden = !rings;
    $("#phone-live").hidden = !onCall || rings;
    $("#phone-panel").classList.toggle("ringing", rings);
    $("#phone-panel").classList.toggle("on-call", onCall);
    const keysOnly = onCall && call.input !== null && !call.input.split(" ").includes("speech");
    $("#phone-say-text").placeholder = keysOnly ? "Keys only here" : "Say… (stands in for speech)";
    const box = $("#phone-captions");
    if (rings) {
      box.replaceChildren(el("p", { class: "phone-hint", text: `${call.from} is calling ${who ? who.name : ""}` }));
    } else if (call) {
      box.replaceChildren(...call.captions.map((caption) => el("p", { class: "caption", lang: caption.language, text: caption.text })));
      if (call.ended) box.append(el("p", { class: "caption ended", text: `— call ${call.status} —` }));
      box.scrollTop = box.scrollHeight;
    }
  }

  function speak(call) {
    // The browser's speech synthesis, where it exists and has a voice for the caption's language.
    if (!$("#phone-speak").checked || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    const done = P.spoken.get(call.sid) || 0;
    P.spoken.set(call.sid, call.captions.length);
    try {
      const voices = window.speechSynthesis.getVoices();
      for (const caption of call.captions.slice(done)) {
        const lang = (caption.language || "").toLowerCase();
        const voice = voices.find((v) => v.lang.toLowerCase() === lang)
          || voices.find((v) => v.lang.toLowerCase().split("-")[0] === lang.split("-")[0]);
        if (!voice) continue;
        const utterance = new SpeechSynthesisUtterance(caption.text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        window.speechSynthesis.speak(utterance);
      }
    } catch (error) {
      // Speaking is a nicety; the captions are the record.
    }
  }

  async function phoneMove(path, body = {}) {
    if (P.busy || S.actAs === null) return;
    P.busy = true;
    $("#phone-panel").classList.add("busy");
    try {
      const call = await act(api(`/phone/${path}`, { method: "POST", json: { user_id: S.actAs, ...body } }));
      if (call && call.user_id === S.actAs) showCall(call);
    } finally {
      P.busy = false;
      $("#phone-panel").classList.remove("busy");
    }
  }

  function setUpPhone() {
    $("#phone-button").addEventListener("click", () => {
      $("#phone-panel").hidden = false;
      renderPhone();
    });
    $("#phone-close").addEventListener("click", () => { $("#phone-panel").hidden = true; });
    $("#phone-dial").addEventListener("click", () => {
      if ("speechSynthesis" in window) window.speechSynthesis.cancel();
      phoneMove("call", { unknown: $("#phone-unknown").checked });
    });
    for (const key of document.querySelectorAll("#phone-panel [data-key]")) {
      key.addEventListener("click", () => phoneMove("press", { keys: key.dataset.key }));
    }
    $("#phone-say").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("#phone-say-text");
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      phoneMove("say", { text });
    });
    $("#phone-silence").addEventListener("click", () => phoneMove("silence"));
    $("#phone-answer").addEventListener("click", () => {
      if (!P.call) return;
      P.answered.add(P.call.sid);
      showCall(P.call);
    });
    $("#phone-decline").addEventListener("click", () => phoneMove("hangup"));
    $("#phone-hangup").addEventListener("click", () => {
      if ("speechSynthesis" in window) window.speechSynthesis.cancel();
      phoneMove("hangup");
    });
  }

  // --- clock ----------------------------------------------------------------------------------------

  function showClock(clock) {
    if (!clock) return;
    $("#clock").hidden = false;
    const now = Date.parse(clock.now) / 1000;
    $("#clock-now").textContent = fmt("clock", now);
    $("#clock-now").dateTime = clock.now;
    $("#clock-offset").textContent = duration(clock.offset_seconds);
  }

  async function advanceClock(seconds, button) {
    button.disabled = true;
    const clock = await act(api("/clock", { method: "POST", json: { seconds } }));
    button.disabled = false;
    if (clock) showClock(clock);
  }

  // --- toasts and start-up --------------------------------------------------------------------------

  function toast(text, kind = "") {
    const node = el("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status", text });
    $("#toasts").append(node);
    setTimeout(() => node.remove(), kind === "alert" ? 8000 : 4000);
    node.addEventListener("click", () => node.remove());
  }

  async function reload(everything) {
    const state = await act(api("/state"));
    if (!state) return;
    if (everything) {
      S.messages.clear();
      S.loaded.clear();
    }
    applyState(state);
    for (const chatId of [...S.panes]) {
      if (S.chats.has(chatId)) await loadMessages(chatId);
      else closePane(chatId);
    }
  }

  function applyState(state) {
    S.title = state.title;
    S.bot = state.bot;
    S.timezone = state.timezone || undefined;
    document.title = state.title;
    $("#title").textContent = state.title;
    S.people = new Map(state.people.map((p) => [p.user_id, p]));
    S.chats = new Map(state.chats.map((c) => [c.id, c]));
    fillPeople();
    showClock(state.clock);
    if (S.actAs !== null) $("#act-as").value = String(S.actAs);
    S.listDirty = true;
    schedule();
  }

  async function start() {
    const state = await act(api("/state"));
    if (!state) return;
    applyState(state);
    connect();
    setUpPhone();
    $("#act-as").addEventListener("change", (event) => setActAs(Number(event.target.value)));
    $("#chat-filter").addEventListener("input", () => { S.listDirty = true; schedule(); });
    for (const button of document.querySelectorAll("[data-advance]")) {
      button.addEventListener("click", () => advanceClock(Number(button.dataset.advance), button));
    }
    $("#lightbox").addEventListener("click", (event) => { event.currentTarget.hidden = true; });
    window.addEventListener("resize", () => {
      while (S.panes.length > maxPanes()) closePane(S.focusOrder.find((id) => S.panes.includes(id) && id !== S.focused) ?? S.panes[0], { keepView: true });
    });
    const saved = Number(localStorage.getItem("estatedesk.actAs"));
    const first = [...S.people.values()][0];
    const who = person(saved) || first;
    if (who) setActAs(who.user_id);
  }

  start();
})();
