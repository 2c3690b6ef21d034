//! The agreement table as CSV, and figures as the table writes them.

use super::AgreementTable;

/// A figure as the table and the CSV write it: four decimals, empty when undefined.
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.4}"))
}

/// The table as CSV (RFC 4180), one row per table row.
pub fn to_csv(table: &AgreementTable) -> String {
    let mut out = String::from(
        "annotator_a,annotator_b,label,documents,spans_a,spans_b,f1_exact,f1_overlap,kappa,alpha_u,relations_f1,attributes\r\n",
    );
    for row in &table.rows {
        let cells = [
            csv_cell(&row.a),
            csv_cell(&row.b),
            csv_cell(&row.label),
            row.documents.to_string(),
            row.spans_a.to_string(),
            row.spans_b.to_string(),
            figure(row.f1_exact),
            figure(row.f1_overlap),
            figure(row.kappa),
            figure(row.alpha_u),
            figure(row.relations_f1),
            figure(row.attributes),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A text cell: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is escaped with `'` so that a spreadsheet does not run it as a formula.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
