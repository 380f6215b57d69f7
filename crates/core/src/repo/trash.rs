//! The trash: everything deleted is only marked (`deleted_at`), with its links left in place, so a
//! restore brings it back as it was. Emptying the trash deletes for good, and takes along the rows
//! that cannot live without the deleted one; links that may be empty are cleared instead. Which is
//! which comes from the schema's own foreign keys, so a new table is handled without code here.

use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteConnection, SqlitePool};

use crate::error::{CoreError, ErrorCode, Result};
use crate::Id;

/// What can be found in the trash, with the table it lives in and how the screen names a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    Department,
    Person,
    Project,
    Problem,
    Incident,
    PersonNote,
    Interaction,
    LedgerEntry,
}

impl TrashKind {
    pub const ALL: [TrashKind; 8] = [
        TrashKind::Department,
        TrashKind::Person,
        TrashKind::Project,
        TrashKind::Problem,
        TrashKind::Incident,
        TrashKind::PersonNote,
        TrashKind::Interaction,
        TrashKind::LedgerEntry,
    ];

    fn table(self) -> &'static str {
        match self {
            TrashKind::Department => "departments",
            TrashKind::Person => "people",
            TrashKind::Project => "projects",
            TrashKind::Problem => "problems",
            TrashKind::Incident => "incidents",
            TrashKind::PersonNote => "person_notes",
            TrashKind::Interaction => "interactions",
            TrashKind::LedgerEntry => "ledger_entries",
        }
    }

    fn code(self) -> &'static str {
        match self {
            TrashKind::Department => "department",
            TrashKind::Person => "person",
            TrashKind::Project => "project",
            TrashKind::Problem => "problem",
            TrashKind::Incident => "incident",
            TrashKind::PersonNote => "person_note",
            TrashKind::Interaction => "interaction",
            TrashKind::LedgerEntry => "ledger_entry",
        }
    }

    /// SQL naming a row of `table()`: its title, and whose it is for rows that belong to a person.
    fn title_sql(self) -> &'static str {
        match self {
            TrashKind::Department | TrashKind::Person => "name",
            TrashKind::Project | TrashKind::Problem => "title",
            TrashKind::Incident => "coalesce(external_id || ' ', '') || title",
            TrashKind::PersonNote => "text",
            TrashKind::Interaction => "summary",
            TrashKind::LedgerEntry => "description",
        }
    }

    fn owner_sql(self) -> &'static str {
        match self {
            TrashKind::PersonNote | TrashKind::Interaction | TrashKind::LedgerEntry => {
                "(SELECT name FROM people p WHERE p.id = person_id)"
            }
            _ => "NULL",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TrashItem {
    pub kind: TrashKind,
    pub id: Id,
    pub title: String,
    /// The person a note, contact or ledger entry belongs to.
    pub owner: Option<String>,
    pub deleted_at: i64,
    /// Rows elsewhere that point at this one and come back with it.
    pub links: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TrashList {
    /// Newest first, at most `LIST_LIMIT`.
    pub items: Vec<TrashItem>,
    pub total: i64,
}

pub const LIST_LIMIT: i64 = 300;

/// A foreign key of the schema: `child.column` points at `parent.parent_column`.
#[derive(Debug, Clone, sqlx::FromRow)]
struct ForeignKey {
    child: String,
    column: String,
    parent: String,
    parent_column: String,
    not_null: bool,
}

async fn foreign_keys(conn: &mut SqliteConnection) -> Result<Vec<ForeignKey>> {
    Ok(sqlx::query_as(
        "SELECT m.name AS child, f.\"from\" AS \"column\", f.\"table\" AS parent,
                coalesce(f.\"to\", 'id') AS parent_column, c.\"notnull\" AS not_null
         FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) f
         JOIN pragma_table_info(m.name) c ON c.name = f.\"from\"
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
    )
    .fetch_all(&mut *conn)
    .await?)
}

/// One statement: the newest page of the trash with its total, and the links counted only for
/// the rows on that page (a trash may hold a whole deleted import).
pub async fn list(pool: &SqlitePool) -> Result<TrashList> {
    let mut conn = pool.acquire().await?;
    let keys = foreign_keys(&mut conn).await?;
    let union = TrashKind::ALL
        .iter()
        .enumerate()
        .map(|(n, k)| {
            format!(
                "SELECT {n} AS kind, id, {title} AS title, {owner} AS owner, deleted_at FROM {table} WHERE deleted_at IS NOT NULL",
                title = k.title_sql(),
                owner = k.owner_sql(),
                table = k.table()
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let links = TrashKind::ALL
        .iter()
        .enumerate()
        .map(|(n, k)| format!(" WHEN {n} THEN {}", links_sql(&keys, k.table())))
        .collect::<String>();
    // kind (index into ALL), id, title, owner, deleted_at, total, links
    type Row = (u32, Id, String, Option<String>, i64, i64, i64);
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT kind, id, title, owner, deleted_at, total, CASE kind {links} END
         FROM (SELECT *, count(*) OVER () AS total FROM ({union}) ORDER BY deleted_at DESC, id DESC LIMIT {LIST_LIMIT}) page"
    )))
    .fetch_all(&mut *conn)
    .await?;
    let total = rows.first().map_or(0, |r| r.5);
    let items = rows
        .into_iter()
        .map(|(kind, id, title, owner, deleted_at, _, links)| TrashItem { kind: TrashKind::ALL[kind as usize], id, title, owner, deleted_at, links })
        .collect();
    Ok(TrashList { items, total })
}

/// SQL counting the rows that point at `page.id` in `table`.
fn links_sql(keys: &[ForeignKey], table: &str) -> String {
    let counts: Vec<String> = keys
        .iter()
        .filter(|k| k.parent == table && k.parent_column == "id")
        .map(|k| format!("(SELECT count(*) FROM \"{}\" WHERE \"{}\" = page.id)", k.child, k.column))
        .collect();
    if counts.is_empty() { "0".to_owned() } else { counts.join(" + ") }
}

/// Takes a row out of the trash.
pub async fn restore(tx: &mut SqliteConnection, kind: TrashKind, id: Id) -> Result<()> {
    let title: Option<String> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT {} FROM {} WHERE id = ? AND deleted_at IS NOT NULL",
        kind.title_sql(),
        kind.table()
    )))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(title) = title else { return Err(CoreError::not_found(kind.code(), id)) };
    let restored = sqlx::query(AssertSqlSafe(format!(
        "UPDATE {} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
        kind.table()
    )))
    .bind(id)
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(e)) = &restored {
        if e.is_unique_violation() {
            return Err(CoreError::new(ErrorCode::TrashRestoreConflict).with("title", title));
        }
    }
    restored?;
    Ok(())
}

/// Deletes for good: one row of the trash, or (`None`) everything in it. The freed pages are
/// zeroed and the log checkpointed, so deleted private notes do not linger in the file's bytes.
pub async fn purge(pool: &SqlitePool, item: Option<(TrashKind, Id)>) -> Result<u64> {
    let mut conn = pool.acquire().await?;
    sqlx::query("PRAGMA secure_delete = ON").execute(&mut *conn).await?;
    let purged = purge_on(&mut conn, item).await;
    sqlx::query("PRAGMA secure_delete = OFF").execute(&mut *conn).await?;
    drop(conn);
    let removed = purged?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(pool).await?;
    Ok(removed)
}

async fn purge_on(conn: &mut SqliteConnection, item: Option<(TrashKind, Id)>) -> Result<u64> {
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    let keys = foreign_keys(&mut tx).await?;
    let mut statements = Vec::new();
    let kinds: Vec<TrashKind> = match item {
        Some((kind, _)) => vec![kind],
        None => TrashKind::ALL.to_vec(),
    };
    for kind in kinds {
        let rows = match item {
            Some((_, id)) => format!("id = {id} AND deleted_at IS NOT NULL"),
            None => "deleted_at IS NOT NULL".to_owned(),
        };
        plan_delete(&keys, kind.table(), &rows, 0, &mut statements)?;
    }
    let mut removed = 0;
    for (sql, counts) in statements {
        let done = sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
        if counts {
            removed += done.rows_affected();
        }
    }
    if let Some((kind, id)) = item {
        if removed == 0 {
            return Err(CoreError::not_found(kind.code(), id));
        }
    }
    tx.commit().await?;
    Ok(removed)
}

/// The statements that delete the rows of `table` matching `rows` (a WHERE clause), children
/// first: rows that must point at a parent go with it, optional links are emptied. The flag marks
/// the statement that deletes the trashed rows themselves.
fn plan_delete(keys: &[ForeignKey], table: &str, rows: &str, depth: usize, out: &mut Vec<(String, bool)>) -> Result<()> {
    // Our schema is three levels deep; more means a NOT NULL reference cycle, which we never create.
    if depth > 6 {
        return Err(CoreError::new(ErrorCode::Storage).with("detail", format!("delete cascade too deep at {table}")));
    }
    for key in keys.iter().filter(|k| k.parent == table) {
        let child_rows = format!(
            "\"{}\" IN (SELECT \"{}\" FROM \"{}\" WHERE {rows})",
            key.column, key.parent_column, table
        );
        if key.not_null {
            plan_delete(keys, &key.child, &child_rows, depth + 1, out)?;
        } else {
            out.push((format!("UPDATE \"{}\" SET \"{}\" = NULL WHERE {child_rows}", key.child, key.column), false));
        }
    }
    out.push((format!("DELETE FROM \"{table}\" WHERE {rows}"), depth == 0));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(child: &str, column: &str, parent: &str, not_null: bool) -> ForeignKey {
        ForeignKey {
            child: child.into(),
            column: column.into(),
            parent: parent.into(),
            parent_column: "id".into(),
            not_null,
        }
    }

    #[test]
    fn children_go_first_and_optional_links_are_cleared() {
        let keys = [
            key("notes", "person_id", "people", true),
            key("people", "manager_id", "people", false),
            key("replies", "note_id", "notes", true),
        ];
        let mut out = Vec::new();
        plan_delete(&keys, "people", "deleted_at IS NOT NULL", 0, &mut out).unwrap();
        let sql: Vec<&str> = out.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(sql.len(), 4);
        assert!(sql[0].starts_with("DELETE FROM \"replies\" WHERE \"note_id\" IN (SELECT \"id\" FROM \"notes\" WHERE \"person_id\" IN"));
        assert!(sql[1].starts_with("DELETE FROM \"notes\""));
        assert!(sql[2].starts_with("UPDATE \"people\" SET \"manager_id\" = NULL"));
        assert_eq!(sql[3], "DELETE FROM \"people\" WHERE deleted_at IS NOT NULL");
        assert_eq!(out.iter().filter(|(_, counts)| *counts).count(), 1);
    }

    #[test]
    fn a_not_null_cycle_is_refused_not_looped() {
        let keys = [key("a", "b_id", "b", true), key("b", "a_id", "a", true)];
        assert!(plan_delete(&keys, "a", "1", 0, &mut Vec::new()).is_err());
    }
}
