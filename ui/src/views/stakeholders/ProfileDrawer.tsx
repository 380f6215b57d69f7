import { Descriptions, Drawer, Spin, Tabs, Tag } from "antd";
import { TrustRate } from "./TrustRate";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import { InteractionsSection } from "./InteractionsSection";
import { LedgerSection } from "./LedgerSection";
import { positionOf, quadrantOf, STANCE_COLORS } from "./model";
import { NotesSection } from "./NotesSection";
import { PrivateLabel } from "../../components/PrivateMark";
import { usePeopleById } from "../../lib/queries";
import { useProfile } from "./stakeholderQueries";

/** Everything we know about one person, opened from any tab of the map. */
export function ProfileDrawer({ personId, onClose }: { personId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const profile = useProfile(personId);
  const shown = profile.data && profile.data.person.id === personId ? profile.data : null;
  return (
    <Drawer
      open={personId !== null}
      size={640}
      title={shown?.person.name}
      onClose={onClose}
      destroyOnHidden
      data-testid="profile-drawer"
    >
      <QueryState query={profile} what={t("reads.profile")} loading={<Spin />}>
        {() => (shown ? <ProfileBody profile={shown} /> : <Spin />)}
      </QueryState>
    </Drawer>
  );
}

function ProfileBody({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const people = usePeopleById();
  const p = profile.person;
  const manager = p.reportsToId;
  const none = t("common.none");
  const { power, interest } = positionOf(p);
  const counted = (n: number) => (n > 0 ? ` (${n})` : "");
  return (
    <>
      <Descriptions column={2} size="small" bordered className="profile-header" data-testid="profile-header">
        <Descriptions.Item label={t("people.department")}>{p.departmentName ?? t("people.noDepartment")}</Descriptions.Item>
        <Descriptions.Item label={t("people.title")}>{p.title || none}</Descriptions.Item>
        <Descriptions.Item label={t("people.reportsTo")}>
          {manager === null ? (
            none
          ) : (
            <QueryState query={people} what={t("reads.people")} compact>
              {(byId) => byId.get(manager)?.name ?? none}
            </QueryState>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={<PrivateLabel>{t("profile.stance")}</PrivateLabel>}>
          <Tag color={STANCE_COLORS[p.stance]}>{t(`profile.stances.${p.stance}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={<PrivateLabel>{t("profile.trust")}</PrivateLabel>}>
          <TrustRate trust={p.trust} />
        </Descriptions.Item>
        <Descriptions.Item label={t("profile.position")}>
          {t("profile.positionValue", { power, interest, quadrant: t(`map.quadrants.${quadrantOf(power, interest)}`) })}
        </Descriptions.Item>
        <Descriptions.Item label={t("profile.projects")} span={2}>
          {profile.projects.length === 0 ? none : profile.projects.map((title) => <Tag key={title}>{title}</Tag>)}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: "notes",
            label: t("profile.notesTab") + counted(profile.notes.length),
            children: <NotesSection personId={p.id} notes={profile.notes} />,
          },
          {
            key: "contacts",
            label: (
              <PrivateLabel>{t("profile.contactsTab") + counted(profile.interactions.length)}</PrivateLabel>
            ),
            children: <InteractionsSection personId={p.id} interactions={profile.interactions} />,
          },
          {
            key: "ledger",
            label: <PrivateLabel>{t("profile.ledgerTab") + counted(profile.ledger.length)}</PrivateLabel>,
            children: <LedgerSection personId={p.id} ledger={profile.ledger} balance={profile.balance} />,
          },
        ]}
      />
    </>
  );
}
