// MovieRec's Mini App: four views over /app/api/…, signed in with Telegram's initData on every call.
(() => {
  "use strict";
  const tg = window.Telegram && window.Telegram.WebApp;
  // Without Telegram's script (a desktop browser, offline) the signed data is in the URL fragment.
  const initData = (tg && tg.initData) || new URLSearchParams(location.hash.slice(1)).get("tgWebAppData") || "";
  const $ = (id) => document.getElementById(id);
  const status = $("status");
  let rated = 0;
  // The words, from MiniAppTexts*.resx: the English ones the server put in <html data-texts> until
  // the texts call answers with the signed person's language; genre names to labels likewise.
  let texts = {};
  let genres = {};

  if (tg) {
    tg.ready();
    tg.expand();
    tg.BackButton.onClick(() => show("rate"));
  }

  function speak(answer) {
    texts = answer.texts;
    genres = answer.genres;
    document.documentElement.lang = answer.language;
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
    for (const node of document.querySelectorAll("[data-text-label]")) node.setAttribute("aria-label", t(node.dataset.textLabel));
    for (const node of document.querySelectorAll("[data-text-placeholder]")) node.placeholder = t(node.dataset.textPlaceholder);
  }

  // A text with its {0}, {1} filled in; numbers as the page's language writes them.
  function t(key, ...values) {
    return texts[key].replace(/\{(\d)\}/g, (_, i) =>
      typeof values[i] === "number" ? values[i].toLocaleString(document.documentElement.lang) : String(values[i]));
  }

  const genreLabel = (name) => genres[name] || name;

  speak({ language: "en", texts: JSON.parse(document.documentElement.dataset.texts), genres: {} });

  async function call(action, body) {
    const answer = await fetch("/app/api/" + action, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "tma " + initData },
      body: JSON.stringify(body || {}),
    });
    const json = await answer.json().catch(() => ({}));
    if (answer.status === 401) {
      signedOut();
      throw new Error("signed out");
    }
    if (!answer.ok) {
      // The API's errors are English (docs/api.md); the person reads their own language.
      say(answer.status === 429 ? t("TooManyRequests") : t("SomethingWentWrong"));
      throw new Error(json.error || String(answer.status));
    }
    return json;
  }

  function say(text) { status.textContent = text; }

  function signedOut() {
    document.querySelector("nav").hidden = true;
    for (const section of document.querySelectorAll("main section")) section.hidden = true;
    say(t("SignInFailed"));
  }

  function show(view) {
    for (const button of document.querySelectorAll("nav button")) {
      if (button.dataset.view === view) button.setAttribute("aria-current", "page"); else button.removeAttribute("aria-current");
    }
    for (const section of document.querySelectorAll("main section")) section.hidden = section.id !== view;
    if (tg) { if (view === "rate") tg.BackButton.hide(); else tg.BackButton.show(); }
    say("");
    if (view === "mine") loadRatings();
    if (view === "foryou") loadPicks();
  }

  function counted(n) {
    rated = n;
    $("count").textContent = rated >= 10 ? t("CountDone", rated) : t("CountToGo", rated, 10 - rated);
  }

  function element(tag, props, ...children) {
    const { dataset, ...rest } = props || {};
    const node = Object.assign(document.createElement(tag), rest);
    Object.assign(node.dataset, dataset || {});
    for (const child of children) node.append(child);
    return node;
  }

  function filmItem(film, extra) {
    const link = element("a", { href: film.url, target: "_blank", rel: "noopener" }, "IMDb");
    const meta = [film.year, (film.genres || []).map(genreLabel).join(", ")].filter(Boolean).join(" · ");
    return element("li", { dataset: { id: film.id } },
      element("div", { className: "film-title" }, film.title),
      element("div", { className: "meta" }, meta ? meta + " · " : "", link),
      ...(extra || []));
  }

  function stars(film, current, after) {
    const row = element("div", { className: "stars", role: "group", ariaLabel: t("RateFilm", film.title) });
    for (let n = 1; n <= 5; n++) {
      const button = element("button", { type: "button", ariaLabel: t("Stars", n), textContent: "★".repeat(n) });
      button.setAttribute("aria-pressed", String(current === n));
      button.onclick = async () => {
        const answer = await call("rate", { movie_id: film.id, rating: n });
        if (tg && tg.HapticFeedback) tg.HapticFeedback.impactOccurred("light");
        counted(answer.rated_movies);
        say(t("Rated", film.title, n));
        after(n);
      };
      row.append(button);
    }
    return row;
  }

  function notSeen(film, after) {
    const button = element("button", { type: "button", className: "quiet", textContent: t("NotSeen") });
    button.onclick = async () => { await call("skip", { movie_id: film.id }); say(t("Skipped", film.title)); after(); };
    return button;
  }

  async function offer(count) {
    const list = $("offered");
    const seen = new Set([...list.children].map((li) => li.dataset.id));
    for (let i = 0; i < count * 2 && list.children.length < count; i++) {
      const film = await call("offer").catch(() => null);
      if (!film || seen.has(String(film.id))) continue;
      seen.add(String(film.id));
      const item = filmItem(film);
      item.append(stars(film, 0, () => replace(item)), notSeen(film, () => replace(item)));
      list.append(item);
    }
  }

  async function replace(item) { item.remove(); await offer(6); }

  let searching;
  $("search").addEventListener("input", () => {
    clearTimeout(searching);
    searching = setTimeout(async () => {
      const query = $("search").value.trim();
      const list = $("found");
      list.replaceChildren();
      if (!query) return;
      const found = await call("search", { query, limit: 5 });
      if (found.movies.length === 0) { say(t("NoMatch", query)); return; }
      for (const film of found.movies) {
        list.append(filmItem(film, [stars(film, film.your_rating, () => {})]));
      }
    }, 250);
  });

  $("more").onclick = async () => { $("offered").replaceChildren(); await offer(6); };

  async function loadRatings() {
    const list = $("ratings");
    const page = await call("ratings", { limit: 100 });
    list.replaceChildren();
    if (page.total === 0) { say(t("NoRatings")); return; }
    for (const rating of page.ratings) {
      const remove = element("button", { type: "button", className: "quiet", textContent: t("Remove") });
      remove.setAttribute("aria-label", t("RemoveLabel", rating.title));
      const item = filmItem(rating, [stars(rating, rating.rating, () => loadRatings()), remove]);
      remove.onclick = async () => {
        const answer = await call("unrate", { movie_id: rating.id });
        counted(answer.rated_movies);
        item.remove();
        say(t("Removed", rating.title));
      };
      list.append(item);
    }
  }

  async function loadPicks() {
    const list = $("picks");
    list.replaceChildren();
    const genre = $("genre").value;
    const answer = await call("recommend", { top_n: 10, genres: genre ? [genre] : [] });
    if (answer.movies.length === 0) { say(t("NeedMore", Math.max(1, 10 - rated))); return; }
    for (const film of answer.movies) {
      const item = filmItem(film, [element("p", { className: "reason" }, film.reason)]);
      const drop = element("button", { type: "button", className: "quiet", textContent: t("NotInterested") });
      drop.setAttribute("aria-label", t("NotInterestedLabel", film.title));
      drop.onclick = async () => { await call("skip", { movie_id: film.id }); item.remove(); };
      item.append(drop);
      list.append(item);
    }
  }

  $("genre").addEventListener("change", loadPicks);
  $("forget-start").onclick = () => { $("forget-confirm").hidden = false; };
  $("forget-no").onclick = () => { $("forget-confirm").hidden = true; };
  $("forget-yes").onclick = async () => {
    await call("forget");
    $("forget-confirm").hidden = true;
    counted(0);
    say(t("Forgotten"));
  };
  for (const button of document.querySelectorAll("nav button")) button.onclick = () => show(button.dataset.view);

  (async () => {
    if (!initData) { signedOut(); return; }
    try {
      // Without its words (a refused texts call) the page still works, in English.
      const [words, me] = await Promise.all([call("texts").catch(() => null), call("me")]);
      if (words) speak(words);
      counted(me.rated_movies);
      for (const genre of me.genres || []) $("genre").append(element("option", { value: genre }, genreLabel(genre)));
      await offer(6);
    } catch (e) { /* signedOut or said already */ }
  })();
})();
