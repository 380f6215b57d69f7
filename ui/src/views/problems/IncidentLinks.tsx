import { createContext, useContext, useState, type ReactNode } from "react";
import { Drawer } from "antd";
import type { Incident, IncidentFilter } from "../../bindings";
import type { Language } from "../../i18n";
import { DetailTab } from "../../components/DetailTab";
import { IncidentDrawer } from "../../components/IncidentDrawer";
import { IncidentForm } from "../../components/IncidentForm";

type Links = {
  /** Opens the incidents behind a figure: the board's own paged list, under the figure's filter. */
  showIncidents: (title: string, filter: IncidentFilter) => void;
  showIncident: (id: number) => void;
};

const LinksContext = createContext<Links | null>(null);

export function useIncidentLinks(): Links {
  const links = useContext(LinksContext);
  if (!links) throw new Error("useIncidentLinks outside IncidentLinksProvider");
  return links;
}

/**
 * Every computed figure of a problem opens the incidents it counts. One provider per problem page
 * owns the drawers, so a card only says which filter its number stands for.
 */
export function IncidentLinksProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [list, setList] = useState<{ title: string; filter: IncidentFilter } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Incident | null>(null);
  const links: Links = { showIncidents: (title, filter) => setList({ title, filter }), showIncident: setOpenId };

  return (
    <LinksContext.Provider value={links}>
      {children}
      <Drawer open={list !== null} title={list?.title} size={1100} onClose={() => setList(null)} destroyOnHidden data-testid="evidence-incidents">
        {list && <DetailTab filter={list.filter} language={language} onOpen={setOpenId} />}
      </Drawer>
      {openId !== null && <IncidentDrawer id={openId} language={language} onClose={() => setOpenId(null)} onEdit={setEditing} />}
      {editing && <IncidentForm incident={editing} onClose={() => setEditing(null)} />}
    </LinksContext.Provider>
  );
}
