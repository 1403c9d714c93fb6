/// The server's style sheet and script, served as files (the Content-Security-Policy allows no inline script).
enum ServerAssets {
    static let css = """
        :root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e;
          --kw: #8a2b8c; --st: #1b6b35; --nu: #9a4c00; --co: #5b5f66; --ty: #1d5c8f; --at: #7d5200; }
        @media (prefers-color-scheme: dark) { :root { --ok: #4ac26b; --bad: #ff8182;
          --kw: #dc9ee0; --st: #9ed39a; --nu: #f0b577; --co: #8f949b; --ty: #8cc2f2; --at: #e8c277; } }
        body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 80rem; padding: 0 1rem 2rem; }
        header { display: flex; gap: 1rem; align-items: center; padding: .5rem 0; border-bottom: 1px solid #8884; }
        header button { margin-left: auto; }
        #message:empty { display: none; }
        #message { padding: .4rem .6rem; border: 1px solid var(--bad); }
        table { border-collapse: collapse; } td, th { border-bottom: 1px solid #8884; padding: .25rem .5rem; text-align: left; }
        pre { background: color-mix(in srgb, currentColor 8%, transparent); padding: .75rem; overflow-x: auto; }
        .columns { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
        .answer { flex: 3 1 30rem; min-width: 0; } .grading { flex: 2 1 20rem; }
        .passed { color: var(--ok); } .failed, .problem { color: var(--bad); }
        .rubric li { margin: .3rem 0; } .item-edit { display: block; margin-left: 1.6rem; }
        .item-edit .edit-description { width: 70%; }
        textarea { width: 100%; box-sizing: border-box; }
        kbd { border: 1px solid #8886; border-radius: 3px; padding: 0 .25rem; font-size: .85em; }
        .histogram rect { fill: currentColor; opacity: .7; }
        .kw { color: var(--kw); } .st { color: var(--st); } .nu { color: var(--nu); } .co, .dc { color: var(--co); font-style: italic; }
        .ty { color: var(--ty); } .at { color: var(--at); }
        ul.students { columns: 14rem; }
        """

    static let javaScript = """
        "use strict";
        const csrf = document.querySelector('meta[name="csrf-token"]').content;
        const message = document.getElementById("message");
        const stored = sessionStorage.getItem("lessons-grades-message");
        if (stored) { message.textContent = stored; sessionStorage.removeItem("lessons-grades-message"); }

        async function post(path, body) {
          const response = await fetch(path, { method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) });
          let data = {};
          try { data = await response.json(); } catch (e) { data = { error: response.statusText }; }
          return { status: response.status, data };
        }

        // 200: reload to show the new state; 409: reload too, with the server's explanation; 400: stay, say why.
        function settle(result) {
          if (result.status === 200) {
            location.reload();
          } else if (result.status === 409) {
            sessionStorage.setItem("lessons-grades-message", result.data.error || "changed by someone else");
            location.reload();
          } else {
            message.textContent = result.data.error || ("the server answered " + result.status);
          }
        }

        document.getElementById("anonymous").addEventListener("click", async (event) => {
          const on = event.target.dataset.on === "true";
          settle(await post("/api/anonymous", { on: !on }));
        });

        const question = document.getElementById("question");
        if (question) {
          const lesson = question.dataset.lesson, exercise = question.dataset.exercise;
          const at = Number(question.dataset.at), count = Number(question.dataset.count);
          const grade = async (action, extra) => settle(await post("/api/grade", Object.assign({
            lesson, exercise, action,
            answers: question.dataset.answers.split(" "),
            versions: question.dataset.versions.split(" ").map(Number)
          }, extra)));
          const go = (index) => { if (index >= 0 && index < count) location.search = "?at=" + index; };
          const items = Array.from(document.querySelectorAll("input.item"));
          items.forEach((box) => box.addEventListener("change", () => grade("item", { item: Number(box.dataset.item) })));
          document.querySelectorAll("button.split, button.join").forEach((button) => button.addEventListener("click",
            async () => settle(await post("/api/split", { lesson, exercise, answer: button.dataset.key,
              split: button.classList.contains("split") }))));
          const saveField = (field) => {
            if (field.id === "comment") return grade("comment", { value: field.value });
            if (field.id === "adjustment") return grade("adjustment", { value: field.value });
            if (field.id === "points") return grade("points", { value: field.value });
            if (field.id === "new-points" || field.id === "new-description") {
              return post("/api/rubric", { lesson, exercise, action: "add",
                points: document.getElementById("new-points").value,
                description: document.getElementById("new-description").value }).then((r) => settle(r));
            }
            if (field.classList.contains("edit-points") || field.classList.contains("edit-description")) {
              const id = field.dataset.item;
              return post("/api/rubric", { lesson, exercise, action: "update", id: Number(id),
                points: document.querySelector('.edit-points[data-item="' + id + '"]').value,
                description: document.querySelector('.edit-description[data-item="' + id + '"]').value
              }).then((r) => settle(r));
            }
          };
          document.addEventListener("keydown", (event) => {
            const field = event.target;
            const typing = field.tagName === "INPUT" && field.type !== "checkbox" || field.tagName === "TEXTAREA";
            if (typing) {
              if (event.key === "Escape") { field.blur(); event.preventDefault(); }
              else if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); saveField(field); }
              return;
            }
            if (event.ctrlKey || event.metaKey || event.altKey) return;
            if (event.key === "j") go(at + 1);
            else if (event.key === "k") go(at - 1);
            else if (/^[1-9]$/.test(event.key)) {
              const box = items[Number(event.key) - 1];
              if (box) grade("item", { item: Number(box.dataset.item) });
            }
            else if (event.key === "c") document.getElementById("comment").focus();
            else if (event.key === "a") document.getElementById("adjustment").focus();
            else if (event.key === "s") document.getElementById("points").focus();
            else if (event.key === "n") document.getElementById("new-points").focus();
            else return;
            event.preventDefault();
          });
        }
        """
}
