// The trash in the real window: a person deleted with their project roles comes back with them;
// emptying the trash asks first and then deletes for good.
import assert from "node:assert/strict";
import { test } from "node:test";
import { byTestId, click, createHome, invoke, openTab, quit, screenshot, text } from "./harness.mjs";

const roleCount = async (browser, personId) => {
  const profile = await invoke(browser, "person_profile", { id: personId });
  return profile.projects.length;
};

test("a deleted person comes back from the trash with their project role; emptying asks first", async () => {
  const home = await createHome("trash");
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-demo")).click();
    await byTestId(browser, "demo-tag");
    const lead = (await invoke(browser, "people_list")).find((p) => p.name === "郑航");
    assert.equal(await roleCount(browser, lead.id), 1, "the demo's tech lead has a project role");

    // Delete through the people table: the row's delete asks, then asks about the project role.
    await (await byTestId(browser, "nav-stakeholders")).click();
    await byTestId(browser, "view-stakeholders");
    await openTab(browser, "人员", 30_000);
    await byTestId(browser, "people-table", 30_000);
    const row = await browser.$(`//div[@data-testid="people-table"]//tr[.//text()[contains(., "郑航")]]`);
    await row.waitForExist({ timeout: 30_000 });
    await click(browser, await row.$("button.ant-btn-dangerous"));
    const ok = await browser.$(".ant-popconfirm .ant-btn-primary");
    await ok.waitForClickable({ timeout: 10_000 });
    await click(browser, ok);
    await click(browser, await byTestId(browser, "person-delete-with-roles"));
    await browser.waitUntil(async () => (await invoke(browser, "people_list")).every((p) => p.name !== "郑航"), {
      timeout: 20_000,
      timeoutMsg: "郑航 left the people list",
    });

    // The trash lists him with his kept links; restore brings the role back.
    await click(browser, await byTestId(browser, "workspace-menu"));
    await click(browser, await byTestId(browser, "menu-trash"));
    await byTestId(browser, "trash-modal");
    await browser.waitUntil(async () => (await text(browser, "trash-modal")).includes("郑航"), { timeout: 20_000, timeoutMsg: "郑航 in the trash" });
    assert.match(await text(browser, "trash-modal"), /人员/);
    await browser.pause(600); // the modal's opening animation
    await screenshot(browser, "trash.png");
    await click(browser, await byTestId(browser, `trash-restore-person-${lead.id}`));
    await browser.waitUntil(async () => !(await text(browser, "trash-modal")).includes("郑航"), { timeout: 20_000, timeoutMsg: "郑航 left the trash" });
    assert.ok((await invoke(browser, "people_list")).some((p) => p.name === "郑航"), "back in the people list");
    assert.equal(await roleCount(browser, lead.id), 1, "the project role came back");

    // Emptying: an incident goes to the trash, the empty button asks, the confirmation purges.
    const [incident] = await invoke(browser, "incidents_recent", { limit: 1 });
    const deleted = await invoke(browser, "incident_delete", { id: incident.id });
    assert.equal(deleted, null, JSON.stringify(deleted));
    await browser.waitUntil(async () => (await invoke(browser, "trash_list")).total === 1, { timeout: 10_000 });
    await click(browser, await browser.$('[data-testid="trash-modal"] .ant-modal-close'));
    await click(browser, await byTestId(browser, "workspace-menu"));
    await click(browser, await byTestId(browser, "menu-trash"));
    await browser.waitUntil(async () => (await text(browser, "trash-modal")).includes(incident.title), { timeout: 20_000, timeoutMsg: "the incident in the trash" });
    await click(browser, await byTestId(browser, "trash-empty"));
    const confirm = await browser.$("#trash-empty-ok");
    await confirm.waitForClickable({ timeout: 10_000 });
    assert.equal((await invoke(browser, "trash_list")).total, 1, "nothing is deleted before the answer");
    await screenshot(browser, "trash-empty-confirm.png");
    await click(browser, confirm);
    await browser.waitUntil(async () => (await invoke(browser, "trash_list")).total === 0, { timeout: 20_000, timeoutMsg: "the trash is empty" });
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
