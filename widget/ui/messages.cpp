// goalpost UI: the message catalog's texts (messages.hpp). One row per message: English, German, French,
// Spanish. Terms kept throughout: goal = Ziel / objectif / objetivo; target = Zielwert / cible / meta;
// period = Zeitraum / période / periodo; vendor = Anbieter / fournisseur / proveedor.
#include "ui/messages.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/cold_sort.hpp"

namespace gp::ui {

namespace {

// No id strings: the enum is the key, and the shipped wasm would carry 5 KB of names nothing reads.
// GP_CATALOG_ENGLISH_ONLY (the shipped wasm) keeps English only: the other languages' texts are files the page
// fetches when it needs one (language packs, below), which takes 7.8 KB brotli off every English page.
#if GP_CATALOG_ENGLISH_ONLY
inline constexpr int kCompiledLangs = 1;
#define M(key, en, de, fr, es) {Msg::key, {en}}
#else
inline constexpr int kCompiledLangs = kLangCount;
#define M(key, en, de, fr, es) {Msg::key, {en, de, fr, es}}
#endif

struct Row {
    Msg key;
    const char* text[kCompiledLangs];
};

// clang-format off
constexpr Row kRows[] = {
    // Tabs
    M(tab_overview, "Overview", "\xC3\x9C" "bersicht", "Vue d'ensemble", "Resumen"),
    M(tab_detail, "Detail", "Details", "D\xC3\xA9tail", "Detalle"),
    M(tab_conversions, "Conversions", "Konversionen", "Conversions", "Conversiones"),
    M(tab_url_tester, "URL tester", "URL-Test", "Test d'URL", "Probar URL"),
    M(tab_editor, "Editor", "Editor", "\xC3\x89" "diteur", "Editor"),
    M(tab_more, "More", "Mehr", "Plus", "M\xC3\xA1s"),
    // Pace and outcomes
    M(pace_on_track, "on track", "im Plan", "en bonne voie", "en buen camino"),
    M(pace_behind, "behind", "im R\xC3\xBC" "ckstand", "en retard", "con retraso"),
    M(pace_at_risk, "at risk", "gef\xC3\xA4hrdet", "menac\xC3\xA9", "en riesgo"),
    M(pace_unknown, "no pace", "ohne Tempo", "sans rythme", "sin ritmo"),
    M(outcome_match, "match", "Treffer", "correspond", "coincide"),
    M(outcome_no_match, "no match", "kein Treffer", "ne correspond pas", "no coincide"),
    M(outcome_unsupported, "unsupported", "nicht unterst\xC3\xBCtzt", "non pris en charge", "no compatible"),
    M(outcome_error, "error", "Fehler", "erreur", "error"),
    // A card's chip
    M(chip_ended, "ended", "beendet", "termin\xC3\xA9", "finalizado"),
    M(chip_upcoming, "upcoming", "demn\xC3\xA4" "chst", "\xC3\xA0 venir", "pr\xC3\xB3ximo"),
    M(chip_no_data, "no data", "keine Daten", "aucune donn\xC3\xA9" "e", "sin datos"),
    M(chip_no_target, "no target", "kein Zielwert", "sans cible", "sin meta"),
    M(chip_reached, "reached", "erreicht", "atteint", "alcanzado"),
    M(chip_missed, "missed", "verfehlt", "manqu\xC3\xA9", "no alcanzado"),
    // A goal's texts
    M(goal_ended_on, "ended {day}", "beendet am {day}", "termin\xC3\xA9 le {day}", "finalizado el {day}"),
    M(goal_starts_on, "starts {day}", "beginnt am {day}", "commence le {day}", "empieza el {day}"),
    M(goal_sentence, "{title}: {rest}", "{title}: {rest}", "{title}\xC2\xA0: {rest}", "{title}: {rest}"),
    M(goal_no_data_line, "no data in this period", "keine Daten in diesem Zeitraum", "aucune donn\xC3\xA9" "e sur cette p\xC3\xA9riode",
      "sin datos en este periodo"),
    M(goal_target, "target {target}", "Zielwert {target}", "cible {target}", "meta {target}"),
    M(goal_target_under, "target under {target}", "Zielwert unter {target}", "cible sous {target}", "meta por debajo de {target}"),
    M(goal_of_target, "of {target}", "von {target}", "sur {target}", "de {target}"),
    M(goal_percent_of_limit, "{percent} of limit", "{percent} des Limits", "{percent} de la limite", "{percent} del l\xC3\xADmite"),
    M(goal_percent_of_target, "{percent} of target", "{percent} des Zielwerts", "{percent} de la cible", "{percent} de la meta"),
    M(goal_value, "value {value}", "Wert {value}", "valeur {value}", "valor {value}"),
    M(goal_trend_same, "same as {period}", "gleich wie {period}", "identique \xC3\xA0 {period}", "igual que {period}"),
    M(goal_trend_up, "up {amount} from {period}", "{amount} mehr als {period}", "{amount} de plus que {period}",
      "{amount} m\xC3\xA1s que {period}"),
    M(goal_trend_down, "down {amount} from {period}", "{amount} weniger als {period}", "{amount} de moins que {period}",
      "{amount} menos que {period}"),
    M(goal_untitled, "(untitled goal)", "(Ziel ohne Titel)", "(objectif sans titre)", "(objetivo sin t\xC3\xADtulo)"),
    M(goal_inactive, "inactive", "inaktiv", "inactif", "inactivo"),
    M(previous_week, "the week before", "Vorwoche", "la semaine pr\xC3\xA9" "c\xC3\xA9" "dente", "la semana anterior"),
    M(previous_days, "the days before", "Vortage", "les jours pr\xC3\xA9" "c\xC3\xA9" "dents", "los d\xC3\xAD" "as anteriores"),
    // Who and what
    M(assignee_none, "unassigned", "nicht zugewiesen", "non attribu\xC3\xA9", "sin asignar"),
    M(assignee_person, "person {id}", "Person {id}", "personne {id}", "persona {id}"),
    M(assignee_team, "team {id}", "Team {id}", "\xC3\xA9quipe {id}", "equipo {id}"),
    M(assignee_company, "company {id}", "Firma {id}", "entreprise {id}", "empresa {id}"),
    M(metric_deals_won, "deals won", "gewonnene Deals", "affaires gagn\xC3\xA9" "es", "negocios ganados"),
    M(metric_deals_started, "deals started", "begonnene Deals", "affaires cr\xC3\xA9\xC3\xA9" "es", "negocios iniciados"),
    M(metric_deals_progressed, "deals progressed", "vorangebrachte Deals", "affaires avanc\xC3\xA9" "es", "negocios avanzados"),
    M(metric_activities_added, "activities added", "erfasste Aktivit\xC3\xA4ten", "activit\xC3\xA9s ajout\xC3\xA9" "es",
      "actividades a\xC3\xB1" "adidas"),
    M(metric_activities_completed, "activities completed", "erledigte Aktivit\xC3\xA4ten", "activit\xC3\xA9s termin\xC3\xA9" "es",
      "actividades completadas"),
    M(metric_revenue_forecast, "revenue forecast", "Umsatzprognose", "pr\xC3\xA9vision de chiffre d'affaires",
      "previsi\xC3\xB3n de ingresos"),
    M(metric_sales_quota, "sales quota", "Verkaufsquote", "quota de ventes", "cuota de ventas"),
    M(metric_conversions, "conversions", "Konversionen", "conversions", "conversiones"),
    M(metric_goal, "goal", "Ziel", "objectif", "objetivo"),
    M(unit_deal, "deal", "Deal", "affaire", "negocio"),
    M(unit_deals, "deals", "Deals", "affaires", "negocios"),
    M(unit_activity, "activity", "Aktivit\xC3\xA4t", "activit\xC3\xA9", "actividad"),
    M(unit_activities, "activities", "Aktivit\xC3\xA4ten", "activit\xC3\xA9s", "actividades"),
    M(unit_conversion, "conversion", "Konversion", "conversion", "conversi\xC3\xB3n"),
    M(unit_conversions, "conversions", "Konversionen", "conversions", "conversiones"),
    // Months, in full and short
    M(month_1, "January", "Januar", "janvier", "enero"),
    M(month_2, "February", "Februar", "f\xC3\xA9vrier", "febrero"),
    M(month_3, "March", "M\xC3\xA4rz", "mars", "marzo"),
    M(month_4, "April", "April", "avril", "abril"),
    M(month_5, "May", "Mai", "mai", "mayo"),
    M(month_6, "June", "Juni", "juin", "junio"),
    M(month_7, "July", "Juli", "juillet", "julio"),
    M(month_8, "August", "August", "ao\xC3\xBBt", "agosto"),
    M(month_9, "September", "September", "septembre", "septiembre"),
    M(month_10, "October", "Oktober", "octobre", "octubre"),
    M(month_11, "November", "November", "novembre", "noviembre"),
    M(month_12, "December", "Dezember", "d\xC3\xA9" "cembre", "diciembre"),
    M(mon_1, "Jan", "Jan.", "janv.", "ene"),
    M(mon_2, "Feb", "Feb.", "f\xC3\xA9vr.", "feb"),
    M(mon_3, "Mar", "M\xC3\xA4rz", "mars", "mar"),
    M(mon_4, "Apr", "Apr.", "avr.", "abr"),
    M(mon_5, "May", "Mai", "mai", "may"),
    M(mon_6, "Jun", "Juni", "juin", "jun"),
    M(mon_7, "Jul", "Juli", "juil.", "jul"),
    M(mon_8, "Aug", "Aug.", "ao\xC3\xBBt", "ago"),
    M(mon_9, "Sep", "Sept.", "sept.", "sept"),
    M(mon_10, "Oct", "Okt.", "oct.", "oct"),
    M(mon_11, "Nov", "Nov.", "nov.", "nov"),
    M(mon_12, "Dec", "Dez.", "d\xC3\xA9" "c.", "dic"),
    // Dates (English with the month first has its own order, in format.cpp)
    M(date_day, "{day} {month} {year}", "{day}. {month} {year}", "{day} {month} {year}", "{day} {month} {year}"),
    M(date_day_short, "{day} {month}", "{day}. {month}", "{day} {month}", "{day} {month}"),
    M(date_days_in_month, "{from}\xE2\x80\x93{to} {month} {year}", "{from}.\xE2\x80\x93{to}. {month} {year}",
      "{from}\xE2\x80\x93{to} {month} {year}", "{from}\xE2\x80\x93{to} {month} {year}"),
    // Periods
    M(period_week, "Week {week}, {year}", "KW {week}, {year}", "Semaine {week}, {year}", "Semana {week}, {year}"),
    M(period_week_short, "W{week} {year}", "KW{week} {year}", "S{week} {year}", "S{week} {year}"),
    M(period_quarter, "Q{quarter} {year}", "Q{quarter} {year}", "T{quarter} {year}", "T{quarter} {year}"),
    M(period_quarter_only, "Q{quarter}", "Q{quarter}", "T{quarter}", "T{quarter}"),
    M(period_no_data_after, "No data in {period}. The last day with data is {day}.",
      "Keine Daten f\xC3\xBCr {period}. Der letzte Tag mit Daten ist der {day}.",
      "Aucune donn\xC3\xA9" "e pour {period}. Le dernier jour avec des donn\xC3\xA9" "es est le {day}.",
      "No hay datos en {period}. El \xC3\xBAltimo d\xC3\xAD" "a con datos es el {day}."),
    M(period_no_data_before, "No data in {period}. The data starts on {day}.",
      "Keine Daten f\xC3\xBCr {period}. Die Daten beginnen am {day}.",
      "Aucune donn\xC3\xA9" "e pour {period}. Les donn\xC3\xA9" "es commencent le {day}.",
      "No hay datos en {period}. Los datos empiezan el {day}."),
    M(period_show, "Show {period}", "{period} anzeigen", "Afficher {period}", "Mostrar {period}"),
    M(kind_week, "Week", "Woche", "Semaine", "Semana"),
    M(kind_month, "Month", "Monat", "Mois", "Mes"),
    M(kind_quarter, "Quarter", "Quartal", "Trimestre", "Trimestre"),
    M(kind_year, "Year", "Jahr", "Ann\xC3\xA9" "e", "A\xC3\xB1o"),
    M(kind_custom, "Custom", "Individuell", "Personnalis\xC3\xA9" "e", "Personalizado"),
    // Toolbar and filters
    M(toolbar_previous_tip, "Previous period ( [ )", "Vorheriger Zeitraum ( [ )", "P\xC3\xA9riode pr\xC3\xA9" "c\xC3\xA9" "dente ( [ )",
      "Periodo anterior ( [ )"),
    M(toolbar_next_tip, "Next period ( ] )", "N\xC3\xA4" "chster Zeitraum ( ] )", "P\xC3\xA9riode suivante ( ] )", "Periodo siguiente ( ] )"),
    M(toolbar_today, "Today", "Heute", "Aujourd'hui", "Hoy"),
    M(toolbar_today_as_of_tip, "The period of {day}, the page's as-of day", "Der Zeitraum des {day}, des Stichtags der Seite",
      "La p\xC3\xA9riode du {day}, date de r\xC3\xA9" "f\xC3\xA9rence de la page", "El periodo del {day}, la fecha de referencia de la p\xC3\xA1gina"),
    M(toolbar_today_tip, "The current period", "Der aktuelle Zeitraum", "La p\xC3\xA9riode en cours", "El periodo actual"),
    M(toolbar_date_hint, "YYYY-MM-DD", "JJJJ-MM-TT", "AAAA-MM-JJ", "AAAA-MM-DD"),
    M(toolbar_date_format, "dates are YYYY-MM-DD", "Datumsformat: JJJJ-MM-TT", "dates au format AAAA-MM-JJ",
      "fechas con formato AAAA-MM-DD"),
    M(toolbar_previous, "\xE2\x97\x80 Previous", "\xE2\x97\x80 Zur\xC3\xBC" "ck", "\xE2\x97\x80 Pr\xC3\xA9" "c\xC3\xA9" "dent", "\xE2\x97\x80 Anterior"),
    M(toolbar_next, "Next \xE2\x96\xB6", "Weiter \xE2\x96\xB6", "Suivant \xE2\x96\xB6", "Siguiente \xE2\x96\xB6"),
    M(toolbar_period, "Period", "Zeitraum", "P\xC3\xA9riode", "Periodo"),
    M(filter_any, "Any", "Alle", "Tous", "Todos"),
    M(filter_search_hint, "Search titles ( / )", "Titel suchen ( / )", "Rechercher un titre ( / )", "Buscar t\xC3\xADtulos ( / )"),
    M(filter_search_short, "Search", "Suchen", "Rechercher", "Buscar"),
    M(filter_search, "Search", "Suche", "Recherche", "B\xC3\xBAsqueda"),
    M(filter_assignee, "Assignee", "Zust\xC3\xA4ndig", "Responsable", "Responsable"),
    M(filter_type, "Type", "Typ", "Type", "Tipo"),
    M(filter_vendor, "Vendor", "Anbieter", "Fournisseur", "Proveedor"),
    M(filter_show, "Show", "Anzeigen", "Afficher", "Mostrar"),
    M(filter_clear, "Clear filters", "Filter zur\xC3\xBC" "cksetzen", "Effacer les filtres", "Borrar filtros"),
    M(filter_menu, "Filters", "Filter", "Filtres", "Filtros"),
    M(filter_and_sort, "Filter & sort", "Filtern & sortieren", "Filtrer et trier", "Filtrar y ordenar"),
    M(filter_sort_by, "Sort by", "Sortieren nach", "Trier par", "Ordenar por"),
    M(filter_sort_preview, "Sort: {key}", "Sortierung: {key}", "Tri\xC2\xA0: {key}", "Orden: {key}"),
    M(filter_ascending, "Ascending", "Aufsteigend", "Croissant", "Ascendente"),
    M(filter_descending, "Descending", "Absteigend", "D\xC3\xA9" "croissant", "Descendente"),
    M(filter_goals_match, "{matching} of {total} goals match", "{matching} von {total} Zielen passen",
      "{matching} objectifs sur {total} correspondent", "{matching} de {total} objetivos coinciden"),
    M(show_all, "All goals", "Alle Ziele", "Tous les objectifs", "Todos los objetivos"),
    M(show_active, "Active only", "Nur aktive", "Actifs uniquement", "Solo activos"),
    M(show_inactive, "Inactive only", "Nur inaktive", "Inactifs uniquement", "Solo inactivos"),
    M(sort_title, "Title", "Titel", "Titre", "T\xC3\xADtulo"),
    M(sort_percent, "Percent", "Prozent", "Pourcentage", "Porcentaje"),
    M(sort_status, "Status", "Status", "Statut", "Estado"),
    M(sort_vendor, "Vendor", "Anbieter", "Fournisseur", "Proveedor"),
    // Overview
    M(overview_no_goals, "No goals yet.", "Noch keine Ziele.", "Aucun objectif pour l'instant.", "Todav\xC3\xAD" "a no hay objetivos."),
    M(overview_no_match, "No goal matches the filters.", "Kein Ziel passt zu den Filtern.",
      "Aucun objectif ne correspond aux filtres.", "Ning\xC3\xBAn objetivo coincide con los filtros."),
    // Detail
    M(detail_choose, "Choose a goal in the overview to see it here.",
      "W\xC3\xA4hlen Sie in der \xC3\x9C" "bersicht ein Ziel, um es hier zu sehen.",
      "Choisissez un objectif dans la vue d'ensemble pour l'afficher ici.", "Elija un objetivo en el resumen para verlo aqu\xC3\xAD."),
    M(detail_still_to_come, "still to come", "steht noch aus", "\xC3\xA0 venir", "por llegar"),
    M(detail_so_far_expected, "so far {value} of {target} expected", "bisher {value} von {target} erwartet",
      "jusqu'ici {value} sur {target} attendus", "hasta ahora {value} de {target} previstos"),
    M(detail_so_far_value, "so far {value}", "bisher {value}", "jusqu'ici {value}", "hasta ahora {value}"),
    M(detail_intervals, "Intervals", "Intervalle", "Intervalles", "Intervalos"),
    M(detail_col_interval, "Interval", "Intervall", "Intervalle", "Intervalo"),
    M(detail_col_value, "Value", "Wert", "Valeur", "Valor"),
    M(detail_col_target, "Target", "Zielwert", "Cible", "Meta"),
    M(detail_col_percent, "Percent", "Prozent", "%", "Porcentaje"),  // French tables say "%": "Pourcentage" overflows at 560 px
    M(legend_so_far, "so far", "bisher", "jusqu'ici", "hasta ahora"),
    M(legend_pace, "pace", "Planverlauf", "rythme", "ritmo"),
    M(legend_forecast, "forecast", "Prognose", "pr\xC3\xA9vision", "previsi\xC3\xB3n"),
    M(legend_per_step, "per {step}", "pro {step}", "par {step}", "por {step}"),
    M(legend_target_per_step, "target per {step}", "Zielwert pro {step}", "cible par {step}", "meta por {step}"),
    M(step_day, "day", "Tag", "jour", "d\xC3\xAD" "a"),
    M(step_week, "week", "Woche", "semaine", "semana"),
    M(step_month, "month", "Monat", "mois", "mes"),
    M(step_quarter, "quarter", "Quartal", "trimestre", "trimestre"),
    M(step_interval, "interval", "Intervall", "intervalle", "intervalo"),
    M(step_step, "step", "Schritt", "\xC3\xA9tape", "paso"),
    M(detail_forecast, "Forecast {value} by {day}", "Prognose {value} bis {day}", "Pr\xC3\xA9vision {value} d'ici le {day}",
      "Previsi\xC3\xB3n {value} para el {day}"),
    M(detail_forecast_likely, "(likely {low}\xE2\x80\x93{high})", "(wahrscheinlich {low}\xE2\x80\x93{high})",
      "(probablement {low}\xE2\x80\x93{high})", "(probablemente {low}\xE2\x80\x93{high})"),
    M(detail_vendor_numbers, "Numbers as reported by {vendor}.", "Zahlen wie von {vendor} gemeldet.",
      "Chiffres tels que communiqu\xC3\xA9s par {vendor}.", "Cifras seg\xC3\xBAn {vendor}."),
    M(detail_vendor_reports, "{vendor} reports {value}; the figures above are computed from the data.",
      "{vendor} meldet {value}; die Zahlen oben sind aus den Daten berechnet.",
      "{vendor} indique {value}\xC2\xA0; les chiffres ci-dessus sont calcul\xC3\xA9s \xC3\xA0 partir des donn\xC3\xA9" "es.",
      "{vendor} indica {value}; las cifras de arriba se calculan a partir de los datos."),
    // Conversions
    M(conv_none_in, "none in {period}", "keine im Zeitraum {period}", "aucune sur {period}", "ninguna en {period}"),
    M(conv_no_condition_goals, "No condition goals (giosg rules, Zendesk URL goals) among these goals.",
      "Keine Bedingungsziele (giosg-Regeln, Zendesk-URL-Ziele) unter diesen Zielen.",
      "Aucun objectif \xC3\xA0 conditions (r\xC3\xA8gles giosg, objectifs d'URL Zendesk) parmi ces objectifs.",
      "No hay objetivos con condiciones (reglas de giosg, objetivos de URL de Zendesk) entre estos objetivos."),
    M(conv_none_yet, "No conversions yet.", "Noch keine Konversionen.", "Aucune conversion pour l'instant.",
      "Todav\xC3\xAD" "a no hay conversiones."),
    M(conv_not_attributed, "not attributed", "nicht zugeordnet", "non attribu\xC3\xA9" "e", "sin atribuir"),
    M(conv_credited_to, "credited to {agent}", "zugeordnet zu {agent}", "attribu\xC3\xA9" "e \xC3\xA0 {agent}", "atribuida a {agent}"),
    M(conv_page_unknown, "The page's own URL is not known to the widget.", "Das Widget kennt die URL dieser Seite nicht.",
      "Le widget ne conna\xC3\xAEt pas l'URL de cette page.", "El widget no conoce la URL de esta p\xC3\xA1gina."),
    M(conv_this_page, "This page: {url}", "Diese Seite: {url}", "Cette page\xC2\xA0: {url}", "Esta p\xC3\xA1gina: {url}"),
    M(conv_page_matches_none, "It matches no goal.", "Sie passt zu keinem Ziel.", "Elle ne correspond \xC3\xA0 aucun objectif.",
      "No coincide con ning\xC3\xBAn objetivo."),
    M(conv_heading_goals, "Condition goals", "Bedingungsziele", "Objectifs \xC3\xA0 conditions", "Objetivos con condiciones"),
    M(conv_heading_page, "Goals matching this page", "Ziele f\xC3\xBCr diese Seite", "Objectifs correspondant \xC3\xA0 cette page",
      "Objetivos que coinciden con esta p\xC3\xA1gina"),
    M(conv_heading_latest, "Latest conversions", "Letzte Konversionen", "Derni\xC3\xA8res conversions", "\xC3\x9Altimas conversiones"),
    // URL tester
    M(url_no_conditions, "This goal has no conditions.", "Dieses Ziel hat keine Bedingungen.", "Cet objectif n'a aucune condition.",
      "Este objetivo no tiene condiciones."),
    M(url_no_engine, "The URL tester needs the condition engine, which this build of the widget does not include.",
      "Der URL-Test braucht die Bedingungs-Engine, die dieser Build des Widgets nicht enth\xC3\xA4lt.",
      "Le test d'URL n\xC3\xA9" "cessite le moteur de conditions, absent de cette version du widget.",
      "La prueba de URL necesita el motor de condiciones, que esta versi\xC3\xB3n del widget no incluye."),
    M(url_hint_short, "Paste a URL", "URL einf\xC3\xBCgen", "Collez une URL", "Pegue una URL"),
    M(url_prompt, "Type a URL to see which goals it would convert.",
      "Geben Sie eine URL ein, um zu sehen, welche Ziele sie ausl\xC3\xB6sen w\xC3\xBCrde.",
      "Saisissez une URL pour voir quels objectifs elle convertirait.", "Escriba una URL para ver qu\xC3\xA9 objetivos convertir\xC3\xAD" "a."),
    // Status strip
    M(status_updated_now, "updated just now", "gerade aktualisiert", "mis \xC3\xA0 jour \xC3\xA0 l'instant", "actualizado ahora mismo"),
    M(status_updated_min, "updated {n} min ago", "vor {n} Min. aktualisiert", "mis \xC3\xA0 jour il y a {n} min", "actualizado hace {n} min"),
    M(status_updated_hours, "updated {n} h ago", "vor {n} Std. aktualisiert", "mis \xC3\xA0 jour il y a {n} h", "actualizado hace {n} h"),
    M(status_updated_days, "updated {n} days ago", "vor {n} Tagen aktualisiert", "mis \xC3\xA0 jour il y a {n} jours",
      "actualizado hace {n} d\xC3\xAD" "as"),
    M(status_stale_age, "{age} (stale)", "{age} (veraltet)", "{age} (obsol\xC3\xA8te)", "{age} (desactualizado)"),
    M(status_as_of, "as of {day}", "Stand {day}", "au {day}", "a fecha de {day}"),
    M(status_loading_page_of, "loading page {page} of {pages}", "lade Seite {page} von {pages}",
      "chargement de la page {page} sur {pages}", "cargando p\xC3\xA1gina {page} de {pages}"),
    M(status_loading_pages, "loading ({pages} pages so far)", "lade ({pages} Seiten bisher)", "chargement ({pages} pages jusqu'ici)",
      "cargando ({pages} p\xC3\xA1ginas hasta ahora)"),
    M(status_retry, "Retry", "Erneut versuchen", "R\xC3\xA9" "essayer", "Reintentar"),
    M(status_problem, "{n} problem in the data", "{n} Problem in den Daten", "{n} probl\xC3\xA8me dans les donn\xC3\xA9" "es",
      "{n} problema en los datos"),
    M(status_problems, "{n} problems in the data", "{n} Probleme in den Daten", "{n} probl\xC3\xA8mes dans les donn\xC3\xA9" "es",
      "{n} problemas en los datos"),
    M(status_problem_short, "{n} problem", "{n} Problem", "{n} probl\xC3\xA8me", "{n} problema"),
    M(status_problems_short, "{n} problems", "{n} Probleme", "{n} probl\xC3\xA8mes", "{n} problemas"),
    M(status_note, "{n} note on the data", "{n} Hinweis zu den Daten", "{n} remarque sur les donn\xC3\xA9" "es", "{n} nota sobre los datos"),
    M(status_notes, "{n} notes on the data", "{n} Hinweise zu den Daten", "{n} remarques sur les donn\xC3\xA9" "es",
      "{n} notas sobre los datos"),
    M(status_note_short, "{n} note", "{n} Hinweis", "{n} remarque", "{n} nota"),
    M(status_notes_short, "{n} notes", "{n} Hinweise", "{n} remarques", "{n} notas"),
    // A goal source's line
    M(source_loading, "loading goals", "lade Ziele", "chargement des objectifs", "cargando objetivos"),
    M(source_loading_page, "loading goals: page {page}", "lade Ziele: Seite {page}", "chargement des objectifs\xC2\xA0: page {page}",
      "cargando objetivos: p\xC3\xA1gina {page}"),
    M(source_refreshing_page, "refreshing: page {page}", "aktualisiere: Seite {page}", "actualisation\xC2\xA0: page {page}",
      "actualizando: p\xC3\xA1gina {page}"),
    M(source_retrying, "retrying page {page} in {wait} ({reason})", "neuer Versuch f\xC3\xBCr Seite {page} in {wait} ({reason})",
      "nouvel essai de la page {page} dans {wait} ({reason})", "reintento de la p\xC3\xA1gina {page} en {wait} ({reason})"),
    M(source_ready, "ready: {vendors}", "bereit: {vendors}", "pr\xC3\xAAt\xC2\xA0: {vendors}", "listo: {vendors}"),
    M(source_pages, "{vendor} ({pages} pages)", "{vendor} ({pages} Seiten)", "{vendor} ({pages} pages)", "{vendor} ({pages} p\xC3\xA1ginas)"),
    M(source_partial, "partial: page {page} failed ({reason}); totals are incomplete",
      "unvollst\xC3\xA4ndig: Seite {page} fehlgeschlagen ({reason}); die Summen sind unvollst\xC3\xA4ndig",
      "partiel\xC2\xA0: \xC3\xA9" "chec de la page {page} ({reason})\xC2\xA0; les totaux sont incomplets",
      "parcial: fall\xC3\xB3 la p\xC3\xA1gina {page} ({reason}); los totales est\xC3\xA1n incompletos"),
    M(source_stale, "stale: the refresh failed at page {page} ({reason}); showing earlier data",
      "veraltet: Aktualisierung bei Seite {page} fehlgeschlagen ({reason}); \xC3\xA4ltere Daten werden angezeigt",
      "obsol\xC3\xA8te\xC2\xA0: l'actualisation a \xC3\xA9" "chou\xC3\xA9 \xC3\xA0 la page {page} ({reason})\xC2\xA0; donn\xC3\xA9" "es pr\xC3\xA9" "c\xC3\xA9" "dentes affich\xC3\xA9" "es",
      "desactualizado: la actualizaci\xC3\xB3n fall\xC3\xB3 en la p\xC3\xA1gina {page} ({reason}); se muestran datos anteriores"),
    M(source_failed, "could not load goals: {reason}", "Ziele konnten nicht geladen werden: {reason}",
      "impossible de charger les objectifs\xC2\xA0: {reason}", "no se pudieron cargar los objetivos: {reason}"),
    M(source_named, "{source}: {status}", "{source}: {status}", "{source}\xC2\xA0: {status}", "{source}: {status}"),
    M(source_delete_failed, "could not delete the goal: {reason}", "Ziel konnte nicht gel\xC3\xB6scht werden: {reason}",
      "impossible de supprimer l'objectif\xC2\xA0: {reason}", "no se pudo eliminar el objetivo: {reason}"),
    M(source_save_failed, "could not save the goal: {reason}",
      "Ziel konnte nicht gespeichert werden: {reason}", "impossible d'enregistrer l'objectif\xC2\xA0: {reason}", "no se pudo guardar el objetivo: {reason}"),
    // Editor
    M(editor_title, "Title", "Titel", "Titre", "T\xC3\xADtulo"),
    M(editor_active, "Active", "Aktiv", "Actif", "Activo"),
    M(editor_assignee, "Assignee", "Zust\xC3\xA4ndig", "Responsable", "Responsable"),
    M(editor_assignee_id, "id", "ID", "identifiant", "id"),
    M(editor_target, "Target", "Zielwert", "Cible", "Meta"),
    M(editor_interval, "Interval", "Intervall", "Intervalle", "Intervalo"),
    M(editor_start_end, "Start and end", "Beginn und Ende", "D\xC3\xA9" "but et fin", "Inicio y fin"),
    M(editor_open_ended, "open-ended", "unbefristet", "sans fin", "sin fin"),
    M(editor_measures, "Measures", "Misst", "Mesure", "Mide"),
    M(editor_tracks, "Tracks", "Erfasst", "Suit", "Registra"),
    M(editor_better_when, "Better when", "Besser, wenn", "Meilleur quand", "Mejor cuando"),
    M(editor_currency, "Currency", "W\xC3\xA4hrung", "Devise", "Moneda"),
    M(editor_remove, "Remove", "Entfernen", "Retirer", "Quitar"),
    M(editor_value, "value", "Wert", "valeur", "valor"),
    M(editor_match_when, "Conditions: match when", "Bedingungen: Treffer, wenn", "Conditions\xC2\xA0: correspond quand",
      "Condiciones: coincide cuando"),
    M(editor_add_condition, "Add condition", "Bedingung hinzuf\xC3\xBCgen", "Ajouter une condition", "A\xC3\xB1" "adir condici\xC3\xB3n"),
    M(editor_attribution, "Attribution, and its window in days", "Zuordnung und ihr Zeitfenster in Tagen",
      "Attribution et sa fen\xC3\xAAtre en jours", "Atribuci\xC3\xB3n y su ventana en d\xC3\xAD" "as"),
    M(editor_default_value, "Default value", "Standardwert", "Valeur par d\xC3\xA9" "faut", "Valor predeterminado"),
    M(editor_create, "Create", "Erstellen", "Cr\xC3\xA9" "er", "Crear"),
    M(editor_save, "Save", "Speichern", "Enregistrer", "Guardar"),
    M(editor_cancel, "Cancel", "Abbrechen", "Annuler", "Cancelar"),
    M(editor_delete, "Delete", "L\xC3\xB6schen", "Supprimer", "Eliminar"),
    M(editor_delete_confirm, "Delete this goal", "Dieses Ziel l\xC3\xB6schen", "Supprimer cet objectif", "Eliminar este objetivo"),
    M(editor_new_goal, "New goal", "Neues Ziel", "Nouvel objectif", "Nuevo objetivo"),
    M(editor_goals, "Goals", "Ziele", "Objectifs", "Objetivos"),
    M(editor_heading_new, "New {vendor} goal", "Neues {vendor}-Ziel", "Nouvel objectif {vendor}", "Nuevo objetivo de {vendor}"),
    M(editor_heading_edit, "Editing {vendor} goal", "{vendor}-Ziel bearbeiten", "Modification de l'objectif {vendor}",
      "Editando objetivo de {vendor}"),
    M(editor_hubspot_read_only, "HubSpot's goal targets are read-only in the API this widget uses: changes to this goal cannot be saved.",
      "Die Zielwerte von HubSpot-Zielen sind in der API dieses Widgets schreibgesch\xC3\xBCtzt: \xC3\x84nderungen an diesem Ziel "
      "k\xC3\xB6nnen nicht gespeichert werden.",
      "Les cibles des objectifs HubSpot sont en lecture seule dans l'API utilis\xC3\xA9" "e par ce widget\xC2\xA0: les modifications "
      "de cet objectif ne peuvent pas \xC3\xAAtre enregistr\xC3\xA9" "es.",
      "Las metas de los objetivos de HubSpot son de solo lectura en la API que usa este widget: los cambios en este objetivo "
      "no se pueden guardar."),
    M(editor_saving_sends, "Saving sends the change to {vendor}.", "Beim Speichern geht die \xC3\x84nderung an {vendor}.",
      "L'enregistrement envoie la modification \xC3\xA0 {vendor}.", "Al guardar, el cambio se env\xC3\xAD" "a a {vendor}."),
    M(editor_no_validator, "Only the field formats are checked: this build has no validator.",
      "Nur die Feldformate werden gepr\xC3\xBC" "ft: dieser Build hat keine Validierung.",
      "Seuls les formats des champs sont v\xC3\xA9rifi\xC3\xA9s\xC2\xA0: cette version n'a pas de validateur.",
      "Solo se comprueban los formatos de los campos: esta versi\xC3\xB3n no tiene validador."),
    M(editor_bad_number, "The target must be a number, e.g. 25 or 1200.50.", "Der Zielwert muss eine Zahl sein, z.\xC2\xA0" "B. 25 oder 1200.50.",
      "La cible doit \xC3\xAAtre un nombre, par exemple 25 ou 1200.50.", "La meta debe ser un n\xC3\xBAmero, p.\xC2\xA0" "ej. 25 o 1200.50."),
    M(editor_start_required, "A start date is required (YYYY-MM-DD).", "Ein Startdatum ist erforderlich (JJJJ-MM-TT).",
      "Une date de d\xC3\xA9" "but est requise (AAAA-MM-JJ).", "Se necesita una fecha de inicio (AAAA-MM-DD)."),
    M(editor_bad_date, "Not a calendar date: use YYYY-MM-DD.", "Kein g\xC3\xBCltiges Datum: bitte JJJJ-MM-TT verwenden.",
      "Date invalide\xC2\xA0: utilisez AAAA-MM-JJ.", "No es una fecha v\xC3\xA1lida: use AAAA-MM-DD."),
    // The URL tester's conditions and reasons (url_tester.cpp; English is the core's own sentence)
    M(cond_field_url, "URL",
      "URL", "URL", "URL"),
    M(cond_field_path, "path",
      "Pfad", "chemin", "ruta"),
    M(cond_field_query, "query",
      "Abfrage", "requ\xC3\xAAte", "consulta"),
    M(cond_field_host, "host",
      "Host", "h\xC3\xB4te", "host"),
    M(cond_field_title, "title",
      "Titel", "titre", "t\xC3\xADtulo"),
    M(cond_field_referrer, "referrer",
      "Verweisquelle", "r\xC3\xA9" "f\xC3\xA9rent", "referente"),
    M(cond_field_event_name, "event",
      "Ereignis", "\xC3\xA9v\xC3\xA9nement", "evento"),
    M(cond_field_event_value, "event value",
      "Ereigniswert", "valeur de l'\xC3\xA9v\xC3\xA9nement", "valor del evento"),
    M(cond_field_giosg_code, "giosg code",
      "giosg-Code", "code giosg", "c\xC3\xB3" "digo de giosg"),
    M(cond_op_equals, "equals",
      "ist gleich", "est \xC3\xA9gal \xC3\xA0", "es igual a"),
    M(cond_op_contains, "contains",
      "enth\xC3\xA4lt", "contient", "contiene"),
    M(cond_op_starts_with, "starts with",
      "beginnt mit", "commence par", "empieza por"),
    M(cond_op_ends_with, "ends with",
      "endet mit", "se termine par", "termina en"),
    M(cond_op_wildcard, "matches the wildcard",
      "passt zum Muster", "correspond au motif", "coincide con el patr\xC3\xB3n"),
    M(cond_op_greater, "is greater than",
      "ist gr\xC3\xB6\xC3\x9F" "er als", "est sup\xC3\xA9rieur \xC3\xA0", "es mayor que"),
    M(cond_op_less, "is less than",
      "ist kleiner als", "est inf\xC3\xA9rieur \xC3\xA0", "es menor que"),
    M(cond_op_unsupported, "(unsupported)",
      "(nicht unterst\xC3\xBCtzt)", "(non pris en charge)", "(no admitido)"),
    M(cond_not_equals, "does not equal",
      "ist nicht gleich", "n'est pas \xC3\xA9gal \xC3\xA0", "no es igual a"),
    M(cond_not_contains, "does not contain",
      "enth\xC3\xA4lt nicht", "ne contient pas", "no contiene"),
    M(cond_not_starts_with, "does not start with",
      "beginnt nicht mit", "ne commence pas par", "no empieza por"),
    M(cond_not_ends_with, "does not end with",
      "endet nicht mit", "ne se termine pas par", "no termina en"),
    M(cond_not_wildcard, "does not match the wildcard",
      "passt nicht zum Muster", "ne correspond pas au motif", "no coincide con el patr\xC3\xB3n"),
    M(cond_not_greater, "is not greater than",
      "ist nicht gr\xC3\xB6\xC3\x9F" "er als", "n'est pas sup\xC3\xA9rieur \xC3\xA0", "no es mayor que"),
    M(cond_not_less, "is not less than",
      "ist nicht kleiner als", "n'est pas inf\xC3\xA9rieur \xC3\xA0", "no es menor que"),
    M(cond_plain, "{field} {op} \"{pattern}\"",
      "{field} {op} \xE2\x80\x9E{pattern}\xE2\x80\x9C", "{field} {op} \xC2\xAB {pattern} \xC2\xBB", "{field} {op} \xC2\xAB{pattern}\xC2\xBB"),
    M(cond_negated, "not: {field} {op} \"{pattern}\"",
      "nicht: {field} {op} \xE2\x80\x9E{pattern}\xE2\x80\x9C", "non\xC2\xA0: {field} {op} \xC2\xAB {pattern} \xC2\xBB", "no: {field} {op} \xC2\xAB{pattern}\xC2\xBB"),
    M(cond_reason, "\"{subject}\" {verb} \"{target}\"",
      "\xE2\x80\x9E{subject}\xE2\x80\x9C {verb} \xE2\x80\x9E{target}\xE2\x80\x9C", "\xC2\xAB {subject} \xC2\xBB {verb} \xC2\xAB {target} \xC2\xBB", "\xC2\xAB{subject}\xC2\xBB {verb} \xC2\xAB{target}\xC2\xBB"),
    M(cond_ignoring_case, " (ignoring case)",
      " (ohne Gro\xC3\x9F-/Kleinschreibung)", " (sans tenir compte de la casse)", " (sin distinguir may\xC3\xBAsculas)"),
    M(cond_negated_fails, ", and the condition is negated",
      ", und die Bedingung ist verneint", ", et la condition est invers\xC3\xA9" "e", ", y la condici\xC3\xB3n est\xC3\xA1 negada"),
    M(cond_negated_holds, ", and the condition is negated, so it holds",
      ", und die Bedingung ist verneint, also erf\xC3\xBCllt", ", et la condition est invers\xC3\xA9" "e, donc remplie", ", y la condici\xC3\xB3n est\xC3\xA1 negada, as\xC3\xAD que se cumple"),
    M(cond_room_scope, "room scope",
      "Raumbereich", "salons autoris\xC3\xA9s", "salas permitidas"),
    M(cond_room_reason, "The page is not in one of the goal's rooms.",
      "Die Seite liegt in keinem der R\xC3\xA4ume dieses Ziels.", "La page n'est dans aucun des salons de l'objectif.", "La p\xC3\xA1gina no est\xC3\xA1 en ninguna de las salas del objetivo."),
    // Field errors by code (error_message)
    M(error_required, "This field is required.", "Dieses Feld ist erforderlich.", "Ce champ est obligatoire.",
      "Este campo es obligatorio."),
    M(error_type_mismatch, "This value has the wrong type.", "Dieser Wert hat den falschen Typ.",
      "Cette valeur n'a pas le bon type.", "Este valor tiene un tipo incorrecto."),
    M(error_out_of_range, "This value is out of range.", "Dieser Wert liegt au\xC3\x9F" "erhalb des zul\xC3\xA4ssigen Bereichs.",
      "Cette valeur est hors limites.", "Este valor est\xC3\xA1 fuera de rango."),
    M(error_not_allowed, "This field does not apply to this kind of goal.", "Dieses Feld gilt nicht f\xC3\xBCr diese Art von Ziel.",
      "Ce champ ne s'applique pas \xC3\xA0 ce type d'objectif.", "Este campo no se aplica a este tipo de objetivo."),
    M(error_bad_url, "This must be a full URL, starting with http:// or https://.",
      "Hier wird eine vollst\xC3\xA4ndige URL erwartet, beginnend mit http:// oder https://.",
      "Une URL compl\xC3\xA8te est attendue, commen\xC3\xA7" "ant par http:// ou https://.",
      "Debe ser una URL completa, que empiece por http:// o https://."),
    M(error_bad_enum, "This is not one of the allowed values.", "Dies ist keiner der erlaubten Werte.",
      "Ce n'est pas une des valeurs autoris\xC3\xA9" "es.", "No es uno de los valores permitidos."),
    M(error_bad_date, "Not a valid date.", "Kein g\xC3\xBCltiges Datum.", "Date invalide.", "No es una fecha v\xC3\xA1lida."),
    M(error_bad_number, "Not a valid number.", "Keine g\xC3\xBCltige Zahl.", "Nombre invalide.", "No es un n\xC3\xBAmero v\xC3\xA1lido."),
    M(error_bad_value, "This value is not valid here.", "Dieser Wert ist hier nicht g\xC3\xBCltig.",
      "Cette valeur n'est pas valide ici.", "Este valor no es v\xC3\xA1lido aqu\xC3\xAD."),
    M(error_limit_exceeded, "Goals limit exceeded: at most five goals can be active.",
      "Zielgrenze \xC3\xBC" "berschritten: h\xC3\xB6" "chstens f\xC3\xBCnf Ziele k\xC3\xB6nnen aktiv sein.",
      "Limite d'objectifs d\xC3\xA9pass\xC3\xA9" "e\xC2\xA0: cinq objectifs actifs au plus.",
      "L\xC3\xADmite de objetivos superado: como m\xC3\xA1ximo cinco objetivos activos."),
    M(error_not_representable, "This goal cannot be saved in this vendor's format.",
      "Dieses Ziel l\xC3\xA4sst sich im Format dieses Anbieters nicht speichern.",
      "Cet objectif ne peut pas \xC3\xAAtre enregistr\xC3\xA9 dans le format de ce fournisseur.",
      "Este objetivo no se puede guardar en el formato de este proveedor."),
    M(error_create_pending, "The goal is still being created at the vendor: change it once it is saved.",
      "Das Ziel wird beim Anbieter noch angelegt: \xC3\xA4ndern Sie es, sobald es gespeichert ist.", "L'objectif est encore en cours de cr\xC3\xA9" "ation chez le fournisseur\xC2\xA0: modifiez-le une fois enregistr\xC3\xA9.", "El objetivo a\xC3\xBAn se est\xC3\xA1 creando en el proveedor: c\xC3\xA1mbielo cuando est\xC3\xA9 guardado."),
    M(error_save_pending, "The goal's last change is still being saved: make this one once it is answered.",
      "Die letzte \xC3\x84nderung des Ziels wird noch gespeichert: nehmen Sie diese vor, sobald sie beantwortet ist.", "La derni\xC3\xA8re modification de l'objectif est encore en cours d'enregistrement\xC2\xA0: faites celle-ci une fois qu'elle aura re\xC3\xA7u une r\xC3\xA9ponse.", "El \xC3\xBAltimo cambio del objetivo a\xC3\xBAn se est\xC3\xA1 guardando: haga este cuando tenga respuesta."),
    M(error_vendor_unknown, "The goals URL has not loaded yet, so its vendor is not known: the change stays in this page.",
      "Die Ziel-URL ist noch nicht geladen, ihr Anbieter ist also unbekannt: die \xC3\x84nderung bleibt auf dieser Seite.", "L'URL des objectifs n'est pas encore charg\xC3\xA9" "e, son fournisseur est donc inconnu\xC2\xA0: la modification reste dans cette page.", "La URL de los objetivos a\xC3\xBAn no se ha cargado, as\xC3\xAD que su proveedor es desconocido: el cambio se queda en esta p\xC3\xA1gina."),
    M(error_headers_failed, "The page did not give the request's headers.",
      "Die Seite hat die Header der Anfrage nicht geliefert.", "La page n'a pas fourni les en-t\xC3\xAAtes de la requ\xC3\xAAte.", "La p\xC3\xA1gina no proporcion\xC3\xB3 las cabeceras de la solicitud."),
    M(error_not_sendable, "The request could not be sent (its address or a header is not valid).",
      "Die Anfrage konnte nicht gesendet werden (ihre Adresse oder ein Header ist ung\xC3\xBCltig).", "La requ\xC3\xAAte n'a pas pu \xC3\xAAtre envoy\xC3\xA9" "e (son adresse ou un en-t\xC3\xAAte n'est pas valide).", "No se pudo enviar la solicitud (su direcci\xC3\xB3n o una cabecera no es v\xC3\xA1lida)."),
    M(error_goal, "goal", "Ziel", "objectif", "objetivo"),
    // Saving to the vendor
    M(save_saving, "Saving to {vendor}...", "Speichere in {vendor}\xE2\x80\xA6", "Enregistrement dans {vendor}\xE2\x80\xA6",
      "Guardando en {vendor}\xE2\x80\xA6"),
    M(save_saved, "Saved to {vendor}.", "In {vendor} gespeichert.", "Enregistr\xC3\xA9 dans {vendor}.", "Guardado en {vendor}."),
    M(save_refused, "{vendor} did not take the change ({reason}).", "{vendor} hat die \xC3\x84nderung nicht \xC3\xBC" "bernommen ({reason}).",
      "{vendor} n'a pas accept\xC3\xA9 la modification ({reason}).", "{vendor} no acept\xC3\xB3 el cambio ({reason})."),
    M(save_refused_undone, "{vendor} did not take the change ({reason}); it was undone.",
      "{vendor} hat die \xC3\x84nderung nicht \xC3\xBC" "bernommen ({reason}); sie wurde r\xC3\xBC" "ckg\xC3\xA4ngig gemacht.",
      "{vendor} n'a pas accept\xC3\xA9 la modification ({reason})\xC2\xA0; elle a \xC3\xA9t\xC3\xA9 annul\xC3\xA9" "e.",
      "{vendor} no acept\xC3\xB3 el cambio ({reason}); se ha deshecho."),
    M(save_conflict, "The goal changed in {vendor} since it was loaded: it was loaded again; make the change again.",
      "Das Ziel wurde in {vendor} seit dem Laden ge\xC3\xA4ndert: es wurde neu geladen; bitte die \xC3\x84nderung wiederholen.",
      "L'objectif a chang\xC3\xA9 dans {vendor} depuis son chargement\xC2\xA0: il a \xC3\xA9t\xC3\xA9 recharg\xC3\xA9\xC2\xA0; refaites la modification.",
      "El objetivo cambi\xC3\xB3 en {vendor} desde que se carg\xC3\xB3: se ha vuelto a cargar; vuelva a hacer el cambio."),
    M(save_no_source, "no goals URL to save to: the change stays in this page",
      "keine Ziel-URL zum Speichern: die \xC3\x84nderung bleibt auf dieser Seite",
      "aucune URL d'objectifs o\xC3\xB9 enregistrer\xC2\xA0: la modification reste dans cette page",
      "no hay URL de objetivos donde guardar: el cambio se queda en esta p\xC3\xA1gina"),
    M(save_read_only, "{vendor} is read-only in the API this widget uses: the change stays in this page",
      "{vendor} ist in der API dieses Widgets schreibgesch\xC3\xBCtzt: die \xC3\x84nderung bleibt auf dieser Seite",
      "{vendor} est en lecture seule dans l'API utilis\xC3\xA9" "e par ce widget\xC2\xA0: la modification reste dans cette page",
      "{vendor} es de solo lectura en la API que usa este widget: el cambio se queda en esta p\xC3\xA1gina"),
    M(save_cannot_write, "the change cannot be written for this vendor", "die \xC3\x84nderung kann f\xC3\xBCr diesen Anbieter nicht geschrieben werden",
      "la modification ne peut pas \xC3\xAAtre \xC3\xA9" "crite pour ce fournisseur", "el cambio no se puede escribir para este proveedor"),
    M(save_not_sent, "The change was not sent: {reason}",
      "Die \xC3\x84nderung wurde nicht gesendet: {reason}", "La modification n'a pas \xC3\xA9t\xC3\xA9 envoy\xC3\xA9" "e\xC2\xA0: {reason}", "El cambio no se envi\xC3\xB3: {reason}"),
    // The page's loader
    M(page_label, "Goals", "Ziele", "Objectifs", "Objetivos"),
    M(page_goal_reached, "Goal reached: {title}", "Ziel erreicht: {title}", "Objectif atteint\xC2\xA0: {title}", "Objetivo alcanzado: {title}"),
    M(page_as_of, "As of {day}.", "Stand: {day}.", "Au {day}.", "A fecha de {day}."),
};
// clang-format on

#undef M

// Each row sits at its key's place: a row added out of order, or a key without a row, does not compile.
constexpr bool rows_in_order() {
    for (size_t i = 0; i < sizeof kRows / sizeof kRows[0]; ++i)
        if (size_t(kRows[i].key) != i) return false;
    return true;
}
static_assert(sizeof kRows / sizeof kRows[0] == kMsgCount, "one row per message");
static_assert(rows_in_order(), "the rows follow the order of enum Msg");

// Installed language packs, by language: a text per message (empty: English). Empty when none is installed.
std::vector<std::string> g_packs[kLangCount];

// The catalog a pack belongs to: FNV-1a over the English texts in order, which every build shares. A pack made
// from another version of the catalog has other messages at the same places, so it is refused.
const std::string& catalog_fingerprint() {
    static const std::string fingerprint = [] {
        uint64_t hash = 14695981039346656037ull;
        for (const Row& row : kRows)
            for (const char* c = row.text[0];; ++c) {
                hash = (hash ^ uint8_t(*c)) * 1099511628211ull;
                if (!*c) break;
            }
        std::string hex(16, '0');
        for (int i = 15; i >= 0; --i, hash >>= 4) hex[size_t(i)] = "0123456789abcdef"[hash & 15];
        return hex;
    }();
    return fingerprint;
}

std::vector<std::string> sorted_placeholders(std::string_view pattern) {
    std::vector<std::string> names = placeholders(pattern);
    cold_sort(names);
    return names;
}

}  // namespace

Lang lang_from_tag(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    auto is = [&](const char* code) {
        if (primary.size() != 2) return false;
        for (size_t i = 0; i < 2; ++i) {
            char c = primary[i];
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (c != code[i]) return false;
        }
        return true;
    };
    if (is("de")) return Lang::de;
    if (is("fr")) return Lang::fr;
    if (is("es")) return Lang::es;
    return Lang::en;
}

const char* lang_code(Lang lang) {
    static constexpr const char* kCodes[kLangCount] = {"en", "de", "fr", "es"};
    return kCodes[size_t(lang) % kLangCount];
}

const char* msg_translation(Msg key, Lang lang) {
    if (size_t(key) >= kMsgCount) return "";
    const std::vector<std::string>& pack = g_packs[size_t(lang) % kLangCount];
    if (!pack.empty()) return pack[size_t(key)].c_str();
    if (size_t(lang) >= size_t(kCompiledLangs)) return "";
    return kRows[size_t(key)].text[size_t(lang)];
}

bool catalog_has(Lang lang) {
    return size_t(lang) < size_t(kCompiledLangs) || !g_packs[size_t(lang) % kLangCount].empty();
}

Json language_pack(Lang lang) {
    Json texts = Json::array();
    for (const Row& row : kRows)
        texts.push_back(size_t(lang) < size_t(kCompiledLangs) ? row.text[size_t(lang)] : "");
    return Json{{"catalog", catalog_fingerprint()}, {"lang", lang_code(lang)}, {"texts", std::move(texts)}};
}

bool install_language_pack(const Json& pack, std::vector<std::string>& problems) {
    const auto lang_field = pack.is_object() ? pack.find("lang") : pack.end();
    if (lang_field == pack.end() || !lang_field->is_string()) {
        problems.push_back("a language file is an object with lang, catalog and texts");
        return false;
    }
    const std::string& code = lang_field->get_ref<const std::string&>();
    const Lang lang = lang_from_tag(code);
    if (lang == Lang::en || code.size() != 2) {
        problems.push_back("the language file's lang \"" + code + "\" is not one the widget speaks besides English");
        return false;
    }
    const auto catalog = pack.find("catalog");
    if (catalog == pack.end() || !catalog->is_string() || catalog->get_ref<const std::string&>() != catalog_fingerprint()) {
        problems.push_back("the " + code + " language file belongs to another build of goalpost; English is shown");
        return false;
    }
    const auto texts = pack.find("texts");
    if (texts == pack.end() || !texts->is_array() || texts->size() != kMsgCount) {
        problems.push_back("the " + code + " language file has no text for each message; English is shown");
        return false;
    }
    std::vector<std::string> installed(kMsgCount);
    size_t dropped = 0;
    for (size_t i = 0; i < kMsgCount; ++i) {
        const Json& text = (*texts)[i];
        if (!text.is_string()) {
            ++dropped;
            continue;
        }
        // A translation must name the English text's values, or msg() would leave braces or drop a value; it
        // must not hold "##", which ImGui reads in a label as the start of its id; and it stays within a size
        // a translation can need, so that a broken file cannot make every frame lay out pages of text.
        const std::string& translated = text.get_ref<const std::string&>();
        const size_t english_size = std::strlen(kRows[i].text[0]);
        if (!translated.empty() &&
            (translated.size() > std::max<size_t>(256, 8 * english_size) || translated.find("##") != std::string::npos ||
             sorted_placeholders(translated) != sorted_placeholders(kRows[i].text[0]))) {
            ++dropped;
            continue;
        }
        installed[i] = translated;
    }
    if (dropped)
        problems.push_back("the " + code + " language file has " + std::to_string(dropped) +
                           " unusable texts (not text, too long, holding \"##\", or not naming the English text's values); "
                           "those are said in English");
    g_packs[size_t(lang)] = std::move(installed);
    return true;
}

void remove_language_pack(Lang lang) { g_packs[size_t(lang) % kLangCount].clear(); }

const char* msg(Msg key, Lang lang) {
    const char* text = msg_translation(key, lang);
    return *text ? text : msg_translation(key, Lang::en);
}

std::string msg(Msg key, Lang lang, std::initializer_list<MsgArg> args) { return fill(msg(key, lang), args); }

Msg plural(Msg one, Msg other, double n, Lang lang) {
    const double a = std::fabs(n);
    // French counts 0 and 1 (and what lies between) as one; English, German and Spanish only 1.
    const bool singular = lang == Lang::fr ? a < 2.0 : a == 1.0;
    return singular ? one : other;
}

std::string fill(std::string_view pattern, const MsgArg* args, size_t count) {
    std::string out;
    out.reserve(pattern.size() + 16);
    size_t i = 0;
    while (i < pattern.size()) {
        const size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const size_t close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const MsgArg* arg = nullptr;
        for (size_t k = 0; k < count && !arg; ++k)
            if (args[k].name == name) arg = &args[k];
        if (arg) out.append(arg->value);
        else out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(std::min(i, pattern.size())));
    return out;
}

std::vector<std::string> placeholders(std::string_view pattern) {
    std::vector<std::string> out;
    size_t i = 0;
    while (true) {
        const size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const size_t close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.emplace_back(pattern.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

std::string say(const Message& message, Lang lang) {
    if (message.empty()) return {};
    std::vector<MsgArg> args;
    args.reserve(message.args.size());
    for (const auto& [name, value] : message.args) args.push_back({name, value});
    return fill(msg(message.key, lang), args.data(), args.size());
}

std::string error_message(std::string_view code, const std::string& message, Lang lang) {
    static constexpr std::pair<std::string_view, Msg> kByCode[] = {
        {"required", Msg::error_required},           {"type_mismatch", Msg::error_type_mismatch},
        {"out_of_range", Msg::error_out_of_range},   {"not_allowed", Msg::error_not_allowed},
        {"bad_url", Msg::error_bad_url},             {"bad_enum", Msg::error_bad_enum},
        {"bad_date", Msg::error_bad_date},           {"bad_number", Msg::error_bad_number},
        {"bad_value", Msg::error_bad_value},         {"limit_exceeded", Msg::error_limit_exceeded},
        {"not_representable", Msg::error_not_representable}, {"create_pending", Msg::error_create_pending},
        {"save_pending", Msg::error_save_pending},
        {"headers_failed", Msg::error_headers_failed},       {"not_sendable", Msg::error_not_sendable},
    };
    if (lang == Lang::en && !message.empty()) return message;
    for (const auto& [known, key] : kByCode)
        if (code == known) return msg(key, lang);
    return message.empty() ? std::string(code) : message;
}

}  // namespace gp::ui
