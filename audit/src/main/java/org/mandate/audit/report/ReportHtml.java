package org.mandate.audit.report;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.mandate.audit.report.Html.esc;

/**
 * The transparency report as one self-contained HTML page, in English or French: inline CSS and SVG, no
 * script, no external resource, so it can be archived, printed and read offline exactly as published.
 * Every inserted text goes through {@link Html#esc}.
 */
public final class ReportHtml {

    /** How a reader re-runs the verification (the app's CLI). */
    public static final String VERIFY_COMMAND = "./mandate verify --bundle bundle --receipt <your receipt>";

    /** The command the report prints: the publisher's exact one when it gave it, else the generic one. */
    static String command(ReportInput in) {
        return in.verification() != null ? in.verification().command() : VERIFY_COMMAND;
    }

    public static final Locale ENGLISH = Locale.ENGLISH, FRENCH = Locale.FRENCH;

    static final String WEIGHT_COLOUR = "#1f4e79";
    static final String CHANGE_COLOUR = "#8a4b08";

    /** Manifest fields the provenance section names explicitly (en, fr), each with the spellings a trainer may use. */
    private static final List<Map.Entry<String[], List<String>>> KNOWN_MANIFEST_FIELDS = List.of(
            Map.entry(new String[]{"Data hash (SHA-256 of the training data)", "Empreinte des données (SHA-256 des données d'entraînement)"},
                    List.of("data_hash", "dataHash", "data_sha256")),
            Map.entry(new String[]{"Code version", "Version du code"}, List.of("code_version", "codeVersion", "git_commit", "version")),
            Map.entry(new String[]{"Random seed", "Graine aléatoire"}, List.of("seed")),
            Map.entry(new String[]{"Hyper-parameters", "Hyper-paramètres"}, List.of("hyperparameters", "hyper_parameters", "hyperParameters", "config")),
            Map.entry(new String[]{"Payoff table (ideal and nadir of each objective)", "Table des gains (idéal et nadir de chaque objectif)"},
                    List.of("payoff_table", "payoffTable", "payoff")),
            Map.entry(new String[]{"Data fields read", "Champs de données lus"}, List.of("data_fields_read", "fields_read", "dataFieldsRead", "fields")));

    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #ffffff; color: #1a1a1a; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
            h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 0.25rem; }
            h2 { font-size: 1.4rem; margin: 2.25rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #1f4e79; }
            h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
            a { color: #0b4f8a; }
            a:focus, a:hover { outline: 2px solid #0b4f8a; outline-offset: 2px; }
            .skip { position: absolute; left: -999px; }
            .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
            .meta { color: #4a4a4a; margin: 0; }
            .lede { font-size: 1.1rem; background: #eef3f8; border-left: 4px solid #1f4e79; padding: 0.75rem 1rem; }
            nav ol { columns: 2; padding-left: 1.25rem; }
            table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
            caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
            th, td { border: 1px solid #9a9a9a; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
            thead th { background: #e8edf2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
            pre { background: #f4f4f4; border: 1px solid #c8c8c8; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
            .metric { font-weight: normal; font-size: 0.9em; }
            .ok { color: #1b5e20; font-weight: 600; }
            .bad { color: #b3261e; font-weight: 600; }
            .status { border: 2px solid; padding: 0.6rem 0.9rem; border-radius: 4px; }
            .status.ok { border-color: #1b5e20; background: #edf7ee; }
            .status.bad { border-color: #b3261e; background: #fdeeed; }
            figure { margin: 1rem 0; }
            figcaption { font-size: 0.95rem; color: #333333; margin-top: 0.25rem; }
            dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.25rem 0; }
            dl.kv dt { font-weight: 600; }
            dl.kv dd { margin: 0; }
            footer { margin-top: 3rem; font-size: 0.9rem; color: #4a4a4a; }
            @media print {
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              nav, .skip, .lang { display: none; }
              h2 { break-after: avoid; }
              table, figure, .status { break-inside: avoid; }
              a { color: #1a1a1a; text-decoration: none; }
              .lede, .status.ok, .status.bad, thead th { background: none; }
            }
            """;

    private final boolean fr;
    private final Locale locale;
    private final StringBuilder h = new StringBuilder(32_000);
    private final ReportSections sections;

    private ReportHtml(Locale locale, ReportSections sections) {
        this.fr = "fr".equals(locale.getLanguage());
        this.locale = fr ? FRENCH : ENGLISH;
        this.sections = sections;
    }

    /** The English page. */
    public static String render(ReportInput in, String reportSha256) {
        return render(in, reportSha256, ENGLISH);
    }

    /** The page in English or French ({@code fr}); any other language falls back to English. */
    public static String render(ReportInput in, String reportSha256, Locale locale) {
        return render(in, reportSha256, locale, ReportSections.NONE);
    }

    /** The page with the optional sections; with {@link ReportSections#NONE} it is the page above, byte for byte. */
    public static String render(ReportInput in, String reportSha256, Locale locale, ReportSections sections) {
        return new ReportHtml(locale, sections).page(in, reportSha256);
    }

    /** The file name of the page in a language: index.html for English, index.fr.html for French. */
    public static String fileName(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? "index.fr.html" : "index.html";
    }

    private String t(String en, String french) {
        return fr ? french : en;
    }

    private String pct(double share) { return Html.percent(share, locale); }

    private String spct(double share) { return Html.signedPercent(share, locale); }

    private String num(double v) { return Html.number(v, locale); }

    private String page(ReportInput in, String reportSha256) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(fr ? "fr" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Mandate audit\">\n")
                .append("<title>").append(esc(in.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#summary\">").append(t("Skip to the summary", "Aller au résumé")).append("</a>\n<main>\n<header>\n")
                .append("<p class=\"lang\">").append(fr ? "<a href=\"index.html\" hreflang=\"en\" lang=\"en\">English version</a>"
                        : "<a href=\"index.fr.html\" hreflang=\"fr\" lang=\"fr\">Version française</a>").append("</p>\n")
                .append("<h1>").append(esc(in.title())).append("</h1>\n")
                .append("<p class=\"meta\">").append(t("Transparency report generated ", "Rapport de transparence produit le "))
                .append(esc(in.generatedAt().toString())).append(" · ").append(t("panel ", "panel ")).append(esc(in.panel().name())).append("</p>\n</header>\n");
        nav();
        summary(in);
        panel(in);
        timeline(in);
        strata();
        bridging(in);
        mandate(in);
        results(in);
        tradeOff();
        datasheet(in);
        provenance(in);
        ledger(in);
        h.append("<footer>\n<p>").append(t("The same facts in machine-readable form: ", "Les mêmes informations sous forme lisible par machine : "))
                .append("<a href=\"report.json\">report.json</a> (").append(t("canonical JSON", "JSON canonique")).append(", RFC 8785), SHA-256 <span class=\"hash\">")
                .append(esc(reportSha256)).append("</span>. ")
                .append(t("This page uses no script and loads nothing from elsewhere.", "Cette page n'utilise aucun script et ne charge rien d'ailleurs."))
                .append("</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private void nav() {
        h.append("<nav aria-label=\"").append(t("Contents", "Sommaire")).append("\">\n<h2 id=\"contents\">").append(t("Contents", "Sommaire"))
                .append("</h2>\n<ol>\n")
                .append("<li><a href=\"#summary\">").append(t("In short", "En bref")).append("</a></li>\n")
                .append("<li><a href=\"#panel\">").append(t("The citizen panel", "Le panel citoyen")).append("</a></li>\n")
                .append("<li><a href=\"#timeline\">").append(t("Timeline", "Calendrier")).append("</a></li>\n");
        if (!sections.strata().isEmpty()) h.append("<li><a href=\"#strata\">").append(t("Who took part", "Qui a participé")).append("</a></li>\n");
        h.append("<li><a href=\"#bridging\">").append(t("Where the groups agreed", "Là où les groupes s'accordent")).append("</a></li>\n");
        h.append("<li><a href=\"#mandate\">").append(t("The mandate", "Le mandat")).append("</a></li>\n")
                .append("<li><a href=\"#results\">").append(t("Results per objective", "Résultats par objectif")).append("</a></li>\n");
        if (sections.tradeOff() != null) h.append("<li><a href=\"#tradeoff\">").append(t("The trade-off", "L'arbitrage")).append("</a></li>\n");
        h.append("<li><a href=\"#datasheet\">").append(t("The data and the people behind it", "Les données et les personnes derrière elles")).append("</a></li>\n")
                .append("<li><a href=\"#provenance\">").append(t("Training provenance", "Provenance de l'entraînement")).append("</a></li>\n")
                .append("<li><a href=\"#ledger\">").append(t("Verification of the record", "Vérification du registre")).append("</a></li>\n")
                .append("</ol>\n</nav>\n");
    }

    private void summary(ReportInput in) {
        Mandate m = in.mandate();
        List<Map.Entry<String, Double>> weights = new ArrayList<>(m.weights().entrySet());
        weights.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights) parts.add(esc(name(w.getKey())) + " " + esc(pct(w.getValue())));

        h.append("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">").append(t("In short", "En bref")).append("</h2>\n<p class=\"lede\">")
                .append(t("This recommender system is trained to pursue ", "Ce système de recommandation est entraîné à poursuivre "))
                .append("<strong>").append(String.join(", ", parts)).append("</strong>")
                .append(t(" of its optimisation effort. ", " de son effort d'optimisation. "));
        if (in.tally() != null) {
            h.append(t("These weights were not chosen by the operator: the citizen panel ", "Ces poids n'ont pas été choisis par l'opérateur : le panel citoyen "))
                    .append("<em>").append(esc(in.panel().name())).append("</em>")
                    .append(t(" voted them (", " les a votés ("))
                    .append(in.tally().ballotCount()).append(t(" of ", " sur ")).append(in.panel().members())
                    .append(t(" members, turnout ", " membres, participation ")).append(esc(pct(in.turnout())))
                    .append(t("), counted with the rule ", "), dépouillés selon la règle ")).append("<code>").append(esc(in.panel().rule())).append("</code>.");
        } else {
            h.append(t("These weights were set without a tally; see the mandate's provenance below.",
                    "Ces poids ont été fixés sans dépouillement ; voir la provenance du mandat ci-dessous."));
        }
        h.append("</p>\n<p>").append(t(
                "Article 27 of the EU Digital Services Act (Regulation (EU) 2022/2065) asks platforms to explain in plain language the "
                        + "<em>main parameters</em> of their recommender systems and the reasons for their relative importance. Here the main "
                        + "parameters are the objectives below, the reason for their relative importance is the panel's vote, and every step from "
                        + "the ballots to the trained model is written in a tamper-evident record that anyone can verify.",
                "L'article 27 du règlement européen sur les services numériques (règlement (UE) 2022/2065) demande aux plateformes d'exposer "
                        + "dans un langage clair les <em>principaux paramètres</em> de leurs systèmes de recommandation et les raisons de leur "
                        + "importance relative. Ici, les principaux paramètres sont les objectifs ci-dessous, la raison de leur importance relative "
                        + "est le vote du panel, et chaque étape, des bulletins au modèle entraîné, est inscrite dans un registre infalsifiable que "
                        + "chacun peut vérifier.")).append("</p>\n");
        mainParameters(in);
        h.append("<p>").append(t(
                "A weight is a share of effort: 30 % on an objective means 30 % of the training effort goes to closing the gap between "
                        + "that objective's worst and best achievable values. Weights sum to 100 %.",
                "Un poids est une part d'effort : 30 % sur un objectif signifie que 30 % de l'effort d'entraînement sert à combler l'écart "
                        + "entre la pire et la meilleure valeur atteignable de cet objectif. Les poids totalisent 100 %.")).append("</p>\n<ul>\n");
        for (Objective o : Catalogue.all()) {
            h.append("<li><strong>").append(esc(o.name().in(locale))).append("</strong> (").append(esc(pct(m.weight(o.id()))))
                    .append(fr ? ") : " : "): ").append(esc(o.description().in(locale))).append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    /** DSA art. 27: the main parameters, the reasons for their relative importance, and what a user can change. */
    private void mainParameters(ReportInput in) {
        Mandate m = in.mandate();
        var ci = in.weightIntervals();
        h.append("<h3>").append(t("The main parameters and why they weigh what they weigh", "Les principaux paramètres et pourquoi ils pèsent ce poids"))
                .append("</h3>\n<ol>\n");
        List<Map.Entry<String, Double>> weights = new ArrayList<>(m.weights().entrySet());
        weights.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> w : weights) {
            h.append("<li><strong>").append(esc(name(w.getKey()))).append("</strong> ").append(esc(pct(w.getValue())));
            if (ci != null && ci.lower().containsKey(w.getKey())) {
                h.append(t(" (", " (")).append(esc(interval(ci.level(), ci.lower().get(w.getKey()), ci.upper().get(w.getKey())))).append(")");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n<p>");
        if (in.tally() != null) {
            h.append(t("Their relative importance is the panel's decision: the rule ", "Leur importance relative est la décision du panel : la règle "))
                    .append("<code>").append(esc(in.panel().rule())).append("</code>")
                    .append(t(", fixed before voting opened, turned the ", ", fixée avant l'ouverture du vote, a transformé les "))
                    .append(in.tally().ballotCount()).append(t(" ballots into these weights.", " bulletins en ces poids."));
            if (ci != null) {
                h.append(t(" The interval after each weight shows how far it could move had a different group of members voted: ",
                                " L'intervalle après chaque poids montre de combien il pourrait varier si d'autres membres avaient voté : "))
                        .append(esc(t(level(ci.level()) + " bootstrap interval over " + ci.resamples() + " resamples of the ballots.",
                                "intervalle bootstrap à " + level(ci.level()) + " sur " + ci.resamples() + " rééchantillonnages des bulletins.")));
            }
        } else {
            h.append(t("No panel tally stands behind these weights; see the mandate's provenance.",
                    "Aucun dépouillement de panel ne fonde ces poids ; voir la provenance du mandat."));
        }
        h.append("</p>\n<h3>").append(t("How you can change them", "Comment vous pouvez les modifier")).append("</h3>\n<p>");
        var p = m.personalisation();
        if (p == null) {
            h.append(t("The mandate does not let users change the weights: everyone's recommendations follow the voted weights.",
                    "Le mandat ne permet pas aux utilisateurs de modifier les poids : les recommandations de chacun suivent les poids votés."));
        } else {
            h.append(t("You may set your own weights for your own recommendations, within the bounds the panel voted: your weights may differ from the voted ones by at most ",
                            "Vous pouvez choisir vos propres poids pour vos propres recommandations, dans les limites votées par le panel : vos poids peuvent s'écarter des poids votés d'au plus "))
                    .append(esc(pct(p.maxShift())))
                    .append(t(" (half the sum of the differences, objective by objective)", " (la moitié de la somme des écarts, objectif par objectif)"));
            if (!p.locked().isEmpty()) {
                List<String> locked = new ArrayList<>();
                for (String id : p.locked()) locked.add(esc(name(id)));
                h.append(t(", and you cannot lower the weight of ", ", et vous ne pouvez pas baisser le poids de "))
                        .append(String.join(", ", locked)).append(t(" below the voted weight", " sous le poids voté"));
            }
            h.append(t(". The voted weights remain everyone's default.", ". Les poids votés restent la valeur par défaut pour tous."));
        }
        h.append("</p>\n<h3>").append(t("Recommendations without profiling", "Recommandations sans profilage")).append("</h3>\n<p>");
        if (in.nonProfilingOption() == null || in.nonProfilingOption().isBlank()) {
            h.append(notDeclared()).append(t(": the publisher has not said how to get recommendations that are not based on profiling (DSA art. 38).",
                    " : l'éditeur n'a pas indiqué comment obtenir des recommandations qui ne reposent pas sur le profilage (art. 38 du DSA)."));
        } else {
            h.append(esc(in.nonProfilingOption()));
        }
        h.append("</p>\n");
    }

    private String interval(double level, double lower, double upper) {
        return t(level(level) + " interval ", "intervalle à " + level(level) + " : ") + pct(lower) + " – " + pct(upper);
    }

    /** A confidence level as people write it: "95 %", not "95.0 %". */
    private String level(double level) {
        return pct(level).replace(".0 ", " ").replace(",0 ", " ");
    }

    private String notDeclared() {
        return "<span class=\"bad\">" + t("Not declared", "Non déclaré") + "</span>";
    }

    private String selection(org.mandate.audit.ledger.MemberSelection sel) {
        String method = switch (sel.method()) {
            case "sortition" -> t("random draw (sortition)", "tirage au sort");
            case "stratified_sortition" -> t("stratified random draw (sortition with quotas)", "tirage au sort stratifié (avec quotas)");
            case "invitation" -> t("by invitation of the organiser", "sur invitation de l'organisateur");
            default -> t("open call: anyone who applied", "appel ouvert : toute personne candidate");
        };
        StringBuilder out = new StringBuilder(esc(method));
        if (!sel.strata().isEmpty()) out.append(t(", balanced on ", ", équilibré selon ")).append(esc(String.join(", ", sel.strata())));
        out.append(". ").append(t("Drawn from: ", "Population : "))
                .append(sel.population() == null ? notDeclared() : esc(sel.population())).append('.');
        if (sel.note() != null) out.append(' ').append(esc(sel.note()));
        return out.toString();
    }

    private void panel(ReportInput in) {
        PanelSummary p = in.panel();
        h.append("<section aria-labelledby=\"panel\">\n<h2 id=\"panel\">").append(t("The citizen panel", "Le panel citoyen")).append("</h2>\n<table>\n<caption>")
                .append(t("The panel and how its votes were counted", "Le panel et le dépouillement de ses votes")).append("</caption>\n<tbody>\n");
        row(t("Panel", "Panel"), p.name());
        row(t("Members", "Membres"), String.valueOf(p.members()));
        if (in.tally() != null) row(t("Ballots counted (one per voter)", "Bulletins comptés (un par votant)"), String.valueOf(in.tally().ballotCount()));
        row(t("Ballots recorded (revisions included)", "Bulletins enregistrés (révisions comprises)"), String.valueOf(p.ballots()));
        row(t("Turnout", "Participation"), pct(in.turnout()));
        h.append("<tr><th scope=\"row\">").append(t("Aggregation rule", "Règle d'agrégation")).append("</th><td><code>").append(esc(p.rule())).append("</code>");
        if (in.tally() != null) h.append(t(" version ", " version ")).append(in.tally().ruleVersion());
        h.append("</td></tr>\n");
        row(t("Why this rule", "Pourquoi cette règle"), p.ruleRationale().isBlank() ? t("not stated", "non précisé") : p.ruleRationale());
        var c = in.configuration();
        h.append("<tr><th scope=\"row\">").append(t("How members were chosen", "Choix des membres")).append("</th><td>")
                .append(c == null ? notDeclared() + t(" (the record holds no panel configuration)", " (le registre ne contient pas la configuration du panel)")
                        : selection(c.selection())).append("</td></tr>\n");
        if (c != null) {
            row(t("Ballot kinds accepted", "Types de bulletins acceptés"), String.join(", ", c.ballotKinds()));
            row(t("Objectives on the ballot", "Objectifs soumis au vote"), String.join(", ", c.menu().stream().map(this::name).toList()));
            row(t("Planned phases", "Phases prévues"), String.join(" → ", c.phases().stream().map(this::phase).toList()));
            row(t("Ballots may be revised", "Bulletins modifiables"), c.allowRevision() ? t("yes, the latest version counts", "oui, la dernière version compte") : t("no", "non"));
            row(t("Configured at", "Configuré le"), c.createdAt());
        }
        if (in.tally() != null && !in.tally().ruleSettings().isEmpty()) {
            h.append("<tr><th scope=\"row\">").append(t("Rule settings", "Réglages de la règle")).append("</th><td><code>")
                    .append(esc(CanonicalJson.write(in.tally().ruleSettings()))).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p>").append(t("The rule was fixed before voting opened, so it could not be chosen to suit the result.",
                "La règle a été fixée avant l'ouverture du vote : elle n'a pas pu être choisie en fonction du résultat.")).append("</p>\n</section>\n");
    }

    private String phase(String id) {
        return switch (id) {
            case "learn" -> t("learn", "apprendre");
            case "deliberate" -> t("deliberate", "délibérer");
            case "vote" -> t("vote", "voter");
            case "closed" -> t("closed", "clos");
            default -> id;
        };
    }

    /** When each phase opened, from the record's phase entries. */
    private void timeline(ReportInput in) {
        h.append("<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">").append(t("Timeline", "Calendrier")).append("</h2>\n");
        if (in.phases().isEmpty()) {
            h.append("<p>").append(t("The record holds no phase change for this panel.", "Le registre ne contient aucun changement de phase pour ce panel."))
                    .append("</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(t("Each change of phase is an entry of the record, with the time it happened (UTC).",
                        "Chaque changement de phase est une entrée du registre, avec l'heure à laquelle il a eu lieu (UTC)."))
                .append("</p>\n<table>\n<caption>").append(t("Phases of the panel", "Phases du panel")).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(t("Phase", "Phase")).append("</th><th scope=\"col\">").append(t("Opened", "Ouverte le")).append("</th><th scope=\"col\">")
                .append(t("Lasted", "Durée")).append("</th></tr></thead>\n<tbody>\n");
        if (in.configuration() != null) {
            h.append("<tr><th scope=\"row\">").append(esc(phase("learn"))).append("</th><td>").append(esc(in.configuration().createdAt()))
                    .append("</td><td>").append(esc(duration(java.time.Instant.parse(in.configuration().createdAt()), in.phases().getFirst().instant())))
                    .append("</td></tr>\n");
        }
        for (int i = 0; i < in.phases().size(); i++) {
            var ph = in.phases().get(i);
            h.append("<tr><th scope=\"row\">").append(esc(phase(ph.to()))).append("</th><td>").append(esc(ph.at())).append("</td><td>");
            if (ph.to().equals("closed")) h.append("—");
            else if (i + 1 < in.phases().size()) h.append(esc(duration(ph.instant(), in.phases().get(i + 1).instant())));
            else h.append(t("still open", "toujours ouverte"));
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        sweeps(in);
        h.append("</section>\n");
    }

    /** The trade-off sweeps uploaded before voting: what voters were shown, by the hash an auditor can check a file against. */
    private void sweeps(ReportInput in) {
        if (in.sweeps().isEmpty()) return;
        h.append("<p>").append(t("Before voting opened the organiser published the trade-off sweep voters explored; a later upload replaces an earlier one. "
                        + "Anyone holding the sweep file can check its SHA-256 against the record.",
                "Avant l'ouverture du vote, l'organisateur a publié le balayage des compromis que les votants ont exploré ; un envoi ultérieur remplace le précédent. "
                        + "Quiconque détient le fichier peut vérifier son SHA-256 dans le registre."))
                .append("</p>\n<table>\n<caption>").append(t("Trade-off sweeps shown to voters", "Balayages de compromis montrés aux votants"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(t("Entry", "Entrée")).append("</th><th scope=\"col\">")
                .append(t("Objectives", "Objectifs")).append("</th><th scope=\"col\">").append(t("Points", "Points")).append("</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
        for (ReportInput.Sweep sw : in.sweeps()) {
            h.append("<tr><th scope=\"row\">#").append(sw.seq()).append("</th><td>").append(esc(String.join(", ", sw.event().objectives())))
                    .append("</td><td>").append(sw.event().points()).append("</td><td><code>").append(esc(sw.event().sweepSha256())).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private String duration(java.time.Instant from, java.time.Instant to) {
        long seconds = Math.max(0, java.time.Duration.between(from, to).getSeconds());
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return (seconds / 60) + " min";
        if (seconds < 172_800) return (seconds / 3600) + " h";
        return (seconds / 86_400) + t(" days", " jours");
    }

    /** Statements with the broadest support across opinion groups, with every group's votes. */
    private void bridging(ReportInput in) {
        h.append("<section aria-labelledby=\"bridging\">\n<h2 id=\"bridging\">").append(t("Where the groups agreed", "Là où les groupes s'accordent")).append("</h2>\n");
        if (in.bridging().isEmpty()) {
            h.append("<p>").append(t("No deliberation statement is reported for this panel.", "Aucune déclaration de délibération n'est rapportée pour ce panel."))
                    .append("</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(t("During deliberation members posted short statements and voted agree, disagree or pass on each other's. "
                                + "Opinion groups were found from those votes, and the statements below rank highest by <em>bridging</em> consensus: "
                                + "a statement ranks high only when every group agrees with it, not when one large group does.",
                        "Pendant la délibération, les membres ont publié de courtes déclarations et voté d'accord, pas d'accord ou passer sur celles des autres. "
                                + "Des groupes d'opinion ont été dégagés de ces votes, et les déclarations ci-dessous sont les mieux classées par consensus "
                                + "<em>transversal</em> : une déclaration n'est bien classée que si chaque groupe l'approuve, pas seulement un grand groupe."))
                .append("</p>\n");
        List<String> groups = new ArrayList<>();
        for (BridgingStatement st : in.bridging()) for (BridgingStatement.GroupVotes g : st.groups()) if (!groups.contains(g.group())) groups.add(g.group());
        h.append("<table>\n<caption>").append(t("Statements with cross-group support, and how each group voted",
                        "Déclarations soutenues par plusieurs groupes, et le vote de chaque groupe"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(t("Statement", "Déclaration")).append("</th>");
        for (String g : groups) h.append("<th scope=\"col\">").append(esc(g)).append("</th>");
        h.append("<th scope=\"col\">").append(t("Consensus", "Consensus")).append("</th></tr></thead>\n<tbody>\n");
        for (BridgingStatement st : in.bridging()) {
            h.append("<tr><th scope=\"row\">").append(esc(st.text())).append("</th>");
            for (String g : groups) {
                BridgingStatement.GroupVotes v = st.groups().stream().filter(x -> x.group().equals(g)).findFirst().orElse(null);
                h.append("<td class=\"num\">");
                if (v == null || v.agreement() == null) h.append(t("no vote", "aucun vote"));
                else h.append(esc(pct(v.agreement()))).append("<br><span class=\"metric\">").append(v.agree()).append(t(" of ", " sur "))
                        .append(v.seen()).append(t(" agree", " d'accord")).append("</span>");
                h.append("</td>");
            }
            h.append("<td class=\"num\">").append(esc(num(st.consensus()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** The datasheet: provenance of the data and the human labour behind it; what is missing is said to be missing. */
    private void datasheet(ReportInput in) {
        Datasheet d = in.datasheet();
        h.append("<section aria-labelledby=\"datasheet\">\n<h2 id=\"datasheet\">").append(t("The data and the people behind it", "Les données et les personnes derrière elles"))
                .append("</h2>\n<p>").append(t("Where the training data came from, and who labelled and curated it under what conditions, as declared by the publisher. ",
                        "D'où viennent les données d'entraînement, et qui les a étiquetées et organisées, dans quelles conditions, selon la déclaration de l'éditeur. "))
                .append(d.declared()).append(t(" of ", " sur ")).append(d.fields().size()).append(t(" fields declared.", " champs déclarés."))
                .append("</p>\n<table>\n<caption>").append(t("Datasheet of the training data", "Fiche des données d'entraînement")).append("</caption>\n<tbody>\n");
        Map<String, String[]> labels = new java.util.LinkedHashMap<>();
        labels.put("dataset", new String[]{"Dataset", "Jeu de données"});
        labels.put("synthetic", new String[]{"Synthetic (generated, not collected)", "Synthétique (généré, non collecté)"});
        labels.put("source", new String[]{"Source and collection", "Source et collecte"});
        labels.put("period", new String[]{"Period covered", "Période couverte"});
        labels.put("consent", new String[]{"Consent and legal basis", "Consentement et base légale"});
        labels.put("labelling", new String[]{"Who labelled it", "Qui l'a étiquetée"});
        labels.put("labelling_conditions", new String[]{"Conditions of the labelling work", "Conditions du travail d'étiquetage"});
        labels.put("curation", new String[]{"Who curated it", "Qui l'a organisée"});
        labels.put("curation_conditions", new String[]{"Conditions of the curation work", "Conditions du travail d'organisation"});
        labels.put("limitations", new String[]{"Known gaps and biases", "Lacunes et biais connus"});
        d.fields().forEach((key, value) -> {
            h.append("<tr><th scope=\"row\">").append(esc(labels.get(key)[fr ? 1 : 0])).append("</th><td>");
            if (value == null || value instanceof String str && str.isBlank()) h.append(notDeclared());
            else if (value instanceof Boolean b) h.append(b ? t("yes", "oui") : t("no", "non"));
            else h.append(esc(value));
            h.append("</td></tr>\n");
        });
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private void mandate(ReportInput in) {
        Mandate m = in.mandate();
        h.append("<section aria-labelledby=\"mandate\">\n<h2 id=\"mandate\">").append(t("The mandate", "Le mandat")).append("</h2>\n");
        var ci = in.weightIntervals();
        h.append("<table>\n<caption>").append(t("Weights voted by the panel", "Poids votés par le panel")).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(t("Objective", "Objectif")).append("</th><th scope=\"col\">").append(t("What it means", "Ce qu'il signifie"))
                .append("</th><th scope=\"col\">").append(t("Better when the metric is", "Meilleur quand la mesure est plus"))
                .append("</th><th scope=\"col\">").append(t("Weight", "Poids")).append("</th>");
        if (ci != null) h.append("<th scope=\"col\">").append(esc(t(level(ci.level()) + " interval", "Intervalle à " + level(ci.level())))).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        List<SvgWeightChart.Row> bars = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (Objective o : Catalogue.all()) {
            if (!m.weights().containsKey(o.id()) && (in.tally() == null || !in.tally().weights().containsKey(o.id()))) continue;
            h.append("<tr><th scope=\"row\">").append(esc(o.name().in(locale))).append(" <code>").append(esc(o.id())).append("</code></th><td>")
                    .append(esc(o.description().in(locale))).append("</td><td>").append(direction(o.direction())).append("</td><td class=\"num\">")
                    .append(esc(pct(m.weight(o.id())))).append("</td>");
            Double lo = null, up = null;
            if (ci != null) {
                lo = ci.lower().get(o.id());
                up = ci.upper().get(o.id());
                h.append("<td class=\"num\">").append(lo == null ? "—" : esc(pct(lo) + " – " + pct(up))).append("</td>");
            }
            h.append("</tr>\n");
            String label = pct(m.weight(o.id())) + (lo == null ? "" : " (" + pct(lo) + " – " + pct(up) + ")");
            bars.add(new SvgWeightChart.Row(o.name().in(locale), m.weight(o.id()), lo, up, label));
            desc.append(o.name().in(locale)).append(fr ? " : " : ": ").append(label).append(". ");
        }
        h.append("</tbody>\n</table>\n");
        if (ci != null) {
            String title = t("Voted weights with their " + level(ci.level()) + " bootstrap intervals", "Poids votés et leurs intervalles bootstrap à " + level(ci.level()));
            h.append("<figure>\n").append(new SvgWeightChart("weights-chart", title, t("Bars are the voted weights; the whiskers span each interval. ",
                            "Les barres sont les poids votés ; les moustaches couvrent chaque intervalle. ") + desc.toString().strip(), bars).render())
                    .append("<figcaption>").append(t("Each bar is a voted weight; the whisker across it is the range the weight stays in for ",
                            "Chaque barre est un poids voté ; la moustache qui la traverse est l'étendue dans laquelle le poids reste pour "))
                    .append(esc(level(ci.level()))).append(t(" of ", " des ")).append(ci.resamples())
                    .append(t(" panels redrawn from the same ballots (percentile bootstrap, seed ", " panels retirés parmi les mêmes bulletins (bootstrap par percentiles, graine "))
                    .append(ci.seed()).append(t("). A narrow whisker is a weight the panel agreed on.", "). Une moustache étroite est un poids sur lequel le panel s'accorde."))
                    .append("</figcaption>\n</figure>\n");
        }

        h.append("<h3>").append(t("Rules approved", "Règles approuvées")).append("</h3>\n");
        List<ApprovedRule> rules = in.rules();
        if (rules.isEmpty()) {
            h.append("<p>").append(t("The mandate carries no rule beyond its weights: no floor or ceiling, no data-use rule, no limit on personalisation, no exposure target.",
                    "Le mandat ne contient aucune règle au-delà de ses poids : ni plancher ni plafond, ni règle d'usage des données, ni limite de personnalisation, ni cible d'exposition."))
                    .append("</p>\n");
        } else {
            h.append("<table>\n<caption>").append(t("Rules the model is held to, and the panel's vote on each", "Règles que le modèle doit respecter, et le vote du panel sur chacune"))
                    .append("</caption>\n<thead><tr><th scope=\"col\">").append(t("Rule", "Règle")).append("</th><th scope=\"col\">").append(t("Kind", "Type"))
                    .append("</th><th scope=\"col\">").append(t("Approved by", "Approuvée par")).append("</th></tr></thead>\n<tbody>\n");
            for (ApprovedRule r : rules) {
                h.append("<tr><th scope=\"row\">").append(esc(r.text(fr))).append("</th><td>").append(esc(ruleKind(r.kind()))).append("</td><td class=\"num\">");
                if (r.vote() == null) h.append(t("vote not recorded", "vote non enregistré"));
                else h.append(esc(pct(r.vote().share()))).append(" (").append(r.vote().approvals()).append(t(" of ", " sur ")).append(r.vote().ballots()).append(")");
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        h.append("<h3>").append(t("Data-use rules", "Règles d'usage des données")).append("</h3>\n<ul>\n");
        h.append("<li>").append(t("Attributes the model may never read: ", "Attributs que le modèle ne doit jamais lire : "))
                .append(m.dataUse().forbiddenAttributes().isEmpty() ? t("none forbidden", "aucun interdit")
                        : "<code>" + esc(String.join(", ", m.dataUse().forbiddenAttributes())) + "</code>").append("</li>\n");
        h.append("<li>").append(t("Oldest interaction it may use: ", "Interaction la plus ancienne utilisable : "))
                .append(m.dataUse().maxInteractionAgeDays() == null ? t("no age limit", "pas de limite d'âge")
                        : m.dataUse().maxInteractionAgeDays() + t(" days", " jours")).append("</li>\n");
        if (!m.exposureTargets().isEmpty()) {
            List<String> targets = new ArrayList<>();
            m.exposureTargets().forEach((g, s) -> targets.add(esc(g) + " " + esc(pct(s))));
            h.append("<li>").append(t("Target exposure shares of provider groups: ", "Parts d'exposition visées par groupe de producteurs : "))
                    .append(String.join(", ", targets)).append("</li>\n");
        }
        h.append("</ul>\n");

        h.append("<h3>").append(t("Identity and origin", "Identité et origine")).append("</h3>\n<dl class=\"kv\">\n<dt>")
                .append(t("Mandate hash (SHA-256)", "Empreinte du mandat (SHA-256)")).append("</dt><dd class=\"hash\">").append(esc(m.sha256())).append("</dd>\n");
        if (m.provenance() != null) {
            h.append("<dt>").append(t("Provenance", "Provenance")).append("</dt><dd>").append(esc(m.provenance().label())).append("</dd>\n");
            h.append("<dt>").append(t("Tally named by the mandate", "Dépouillement cité par le mandat")).append("</dt><dd class=\"hash\">")
                    .append(esc(m.provenance().tallyHash() == null ? t("none", "aucun") : m.provenance().tallyHash())).append("</dd>\n");
        }
        if (in.tally() != null) {
            h.append("<dt>").append(t("Tally in this report", "Dépouillement de ce rapport")).append("</dt><dd><span class=\"hash\">")
                    .append(esc(in.tally().sha256())).append("</span> ")
                    .append(in.tallyMatchesMandate() ? "<span class=\"ok\">" + t("matches the mandate", "correspond au mandat") + "</span>"
                            : "<span class=\"bad\">" + t("does NOT match the mandate", "NE correspond PAS au mandat") + "</span>")
                    .append("</dd>\n<dt>").append(t("Ballots digest", "Empreinte des bulletins")).append("</dt><dd class=\"hash\">")
                    .append(esc(in.tally().ballotsDigest())).append("</dd>\n");
            if (in.verification() != null && in.verification().ballotsRoot() != null) {
                h.append("<dt>").append(t("Merkle root of the counted ballots", "Racine de Merkle des bulletins comptés")).append("</dt><dd class=\"hash\">")
                        .append(esc(in.verification().ballotsRoot())).append("</dd>\n");
            }
        }
        h.append("</dl>\n</section>\n");
    }

    private String ruleKind(String kind) {
        return switch (kind) {
            case "floor" -> t("floor", "plancher");
            case "ceiling" -> t("ceiling", "plafond");
            case "data_use" -> t("data use", "usage des données");
            case "personalisation" -> t("personalisation", "personnalisation");
            case "exposure" -> t("exposure targets", "cibles d'exposition");
            default -> kind;
        };
    }

    /** Floors and ceilings of the mandate, each met or missed by the model trained under it. */
    private void boundResults(ReportInput in) {
        List<BoundResult> bounds = in.bounds();
        h.append("<h3>").append(t("Floors and ceilings: met or missed", "Planchers et plafonds : respectés ou non")).append("</h3>\n");
        if (bounds.isEmpty()) {
            h.append("<p>").append(in.mandate().bounds().isEmpty()
                    ? t("The mandate sets no floor or ceiling.", "Le mandat ne fixe ni plancher ni plafond.")
                    : t("No model trained under this mandate has been measured yet.", "Aucun modèle entraîné sous ce mandat n'a encore été mesuré.")).append("</p>\n");
            return;
        }
        h.append("<table>\n<caption>").append(t("Each bound against the held-out measurement", "Chaque borne face à la mesure sur les utilisateurs mis de côté"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(t("Objective", "Objectif")).append("</th><th scope=\"col\">")
                .append(t("Bound", "Borne")).append("</th><th scope=\"col\">").append(t("Threshold", "Seuil")).append("</th><th scope=\"col\">")
                .append(t("Achieved", "Atteint")).append("</th><th scope=\"col\">").append(t("Verdict", "Verdict")).append("</th></tr></thead>\n<tbody>\n");
        for (BoundResult b : bounds) {
            h.append("<tr><th scope=\"row\">").append(esc(name(b.objective()))).append("</th><td>")
                    .append(b.kind() == Bound.Kind.FLOOR ? t("floor (at least)", "plancher (au moins)") : t("ceiling (at most)", "plafond (au plus)"))
                    .append("</td><td class=\"num\">").append(esc(num(b.threshold()))).append("</td><td class=\"num\">")
                    .append(b.achieved() == null ? t("not measured", "non mesuré") : esc(num(b.achieved()))).append("</td><td>")
                    .append(b.met() == null ? t("not measured", "non mesuré")
                            : b.met() ? "<span class=\"ok\">" + t("met", "respecté") + "</span>" : "<span class=\"bad\">" + t("missed", "non respecté") + "</span>")
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void results(ReportInput in) {
        h.append("<section aria-labelledby=\"results\">\n<h2 id=\"results\">").append(t("Results per objective", "Résultats par objectif")).append("</h2>\n");
        if (in.runs().isEmpty()) {
            h.append("<p>").append(t("No model has been trained under this mandate yet.", "Aucun modèle n'a encore été entraîné sous ce mandat."))
                    .append("</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(t("Each objective is measured on recommendations for held-out users. The first model, ",
                        "Chaque objectif est mesuré sur les recommandations faites à des utilisateurs mis de côté. Le premier modèle, "))
                .append("<em>").append(esc(in.runs().getFirst().label())).append("</em>")
                .append(t(", is the reference; it shows what the recommender does without the mandate.",
                        ", sert de référence : il montre ce que fait le système sans le mandat.")).append("</p>\n");
        boundResults(in);
        List<Comparison> comparisons = in.comparisons();
        if (comparisons.isEmpty()) metricsTable(in.runs().getFirst());
        int n = 0;
        for (Comparison c : comparisons) {
            n++;
            h.append("<h3>").append(esc(c.run().label())).append(t(" compared with ", " comparé à ")).append(esc(c.baseline().label())).append("</h3>\n");
            if (!c.trainedUnderMandate()) {
                h.append("<p class=\"bad\">").append(t("This model names mandate ", "Ce modèle cite le mandat ")).append("<span class=\"hash\">")
                        .append(esc(c.run().mandateHash())).append("</span>").append(t(", not the mandate of this report.", ", et non le mandat de ce rapport."))
                        .append("</p>\n");
            }
            h.append("<table>\n<caption>").append(t("Metric of each objective: ", "Mesure de chaque objectif : ")).append(esc(c.baseline().label()))
                    .append(t(" and ", " et ")).append(esc(c.run().label())).append("</caption>\n<thead><tr><th scope=\"col\">")
                    .append(t("Objective and metric", "Objectif et mesure")).append("</th><th scope=\"col\">").append(t("Weight before → after", "Poids avant → après"))
                    .append("</th><th scope=\"col\">").append(esc(c.baseline().label())).append("</th><th scope=\"col\">").append(esc(c.run().label()))
                    .append("</th><th scope=\"col\">").append(t("Change (towards better)", "Évolution (vers le mieux)")).append("</th><th scope=\"col\">")
                    .append(t("As the weights ask?", "Conforme aux poids ?")).append("</th></tr></thead>\n<tbody>\n");
            for (Comparison.Row r : c.rows()) {
                h.append("<tr><th scope=\"row\">").append(esc(r.objective().name().in(locale))).append("<br><span class=\"metric\"><code>")
                        .append(esc(r.metric())).append("</code>, ").append(better(r.objective().direction())).append("</span></th><td class=\"num\">")
                        .append(esc(pct(r.baselineWeight()))).append(" → ").append(esc(pct(r.weight()))).append("</td><td class=\"num\">")
                        .append(r.baselineValue() == null ? "n/a" : esc(num(r.baselineValue()))).append("</td><td class=\"num\">")
                        .append(r.value() == null ? "n/a" : esc(num(r.value()))).append("</td><td class=\"num\">");
                if (r.improvement() == null) h.append("n/a");
                else h.append(esc(Html.signedNumber(r.improvement(), locale))).append(" (").append(esc(spct(r.relativeImprovement()))).append(")");
                boolean ok = r.movement().consistent();
                h.append("</td><td><span class=\"").append(ok ? "ok" : "bad").append("\">").append(ok ? t("Yes", "Oui") : t("No", "Non"))
                        .append("</span>").append(fr ? " : " : ": ").append(esc(r.movement().text(locale)));
                for (Comparison.BoundCheck b : r.bounds()) {
                    h.append("<br>").append(b.bound().kind() == Bound.Kind.FLOOR ? t("Floor ", "Plancher ") : t("Ceiling ", "Plafond "))
                            .append(esc(num(b.bound().value()))).append(fr ? " : " : ": ")
                            .append(b.met() == null ? t("not measured", "non mesuré")
                                    : b.met() ? "<span class=\"ok\">" + t("met", "respecté") + "</span>" : "<span class=\"bad\">" + t("missed", "non respecté") + "</span>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            chart(c, "chart-" + n);
        }
        in.practitionerBaselines().ifPresent(this::practitionerBaselines);
        h.append("</section>\n");
    }

    /** The models beside what a practitioner would deploy instead, on the same held-out users. */
    private void practitionerBaselines(PractitionerBaselines b) {
        h.append("<h3>").append(t("Compared with what a practitioner would deploy instead", "Comparé à ce qu'un praticien déploierait à la place"))
                .append("</h3>\n<p>").append(t("Two standard choices, trained on the same users and measured on the same held-out users: the ",
                        "Deux choix courants, entraînés sur les mêmes utilisateurs et mesurés sur les mêmes utilisateurs mis de côté : le "))
                .append("<em>").append(t("most-popular chart", "palmarès des plus populaires")).append("</em>")
                .append(t(" (everyone gets the same list) and ", " (tout le monde reçoit la même liste) et "))
                .append("<em>EASE</em>").append(t(" (Steck 2019, a strong item-to-item model, L2 penalty ", " (Steck 2019, un modèle article-à-article performant, pénalité L2 "))
                .append(esc(b.easeLambda() == Math.rint(b.easeLambda()) ? Long.toString((long) b.easeLambda()) : num(b.easeLambda())))
                .append(t("), both aimed at relevance alone.", "), tous deux visant la seule pertinence.")).append("</p>\n");
        h.append("<table>\n<caption>").append(t("Metric of each objective, models and baselines", "Mesure de chaque objectif, modèles et références"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(t("Objective and metric", "Objectif et mesure")).append("</th>");
        for (RunSummary r : b.runs()) h.append("<th scope=\"col\">").append(esc(r.label())).append("</th>");
        h.append("<th scope=\"col\">").append(t("Most popular", "Plus populaires")).append("</th><th scope=\"col\">EASE</th></tr></thead>\n<tbody>\n");
        for (PractitionerBaselines.Row r : b.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(r.objective().name().in(locale))).append("<br><span class=\"metric\"><code>")
                    .append(esc(r.metric())).append("</code>, ").append(better(r.objective().direction())).append("</span></th>");
            for (double v : r.values()) h.append("<td class=\"num\">").append(esc(num(v))).append("</td>");
            h.append("<td class=\"num\">").append(esc(num(r.mostPopular()))).append("</td><td class=\"num\">").append(esc(num(r.ease())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void metricsTable(RunSummary run) {
        h.append("<table>\n<caption>").append(t("Metrics of ", "Mesures de ")).append(esc(run.label())).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(t("Objective and metric", "Objectif et mesure")).append("</th><th scope=\"col\">").append(t("Weight", "Poids"))
                .append("</th><th scope=\"col\">").append(t("Value", "Valeur")).append("</th></tr></thead>\n<tbody>\n");
        for (Object key : sortedKeys(run.metrics())) {
            MetricValue v = run.metrics().get(key);
            Objective o = Catalogue.find((String) key).orElse(null);
            h.append("<tr><th scope=\"row\">").append(esc(name((String) key))).append("<br><span class=\"metric\"><code>").append(esc(v.metric()))
                    .append("</code>").append(o == null ? "" : ", " + better(o.direction())).append("</span></th><td class=\"num\">")
                    .append(esc(pct(run.weight((String) key)))).append("</td><td class=\"num\">").append(esc(num(v.value()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** The chart of a comparison, with its text alternative built from the same numbers as the table. */
    private SvgBarChart chartFor(Comparison c, String id) {
        List<SvgBarChart.Group> groups = new ArrayList<>();
        StringBuilder desc = new StringBuilder(t(
                "For each objective, the first bar is its weight in " + c.run().label() + "; the second is how much its metric changed from "
                        + c.baseline().label() + " to " + c.run().label() + ", as a percentage of the " + c.baseline().label()
                        + " value, counted positive when the metric got better (higher or lower, as the objective asks) and negative when it "
                        + "got worse. Changes beyond 100 % are clipped. ",
                "Pour chaque objectif, la première barre est son poids dans " + c.run().label() + " ; la seconde est l'évolution de sa mesure de "
                        + c.baseline().label() + " à " + c.run().label() + ", en pourcentage de la valeur de " + c.baseline().label()
                        + ", comptée positivement quand la mesure s'améliore (à la hausse ou à la baisse, selon l'objectif) et négativement "
                        + "quand elle se dégrade. Les évolutions au-delà de 100 % sont tronquées. "));
        for (Comparison.Row r : c.rows()) {
            Double rel = r.relativeImprovement();
            String name = r.objective().name().in(locale);
            groups.add(new SvgBarChart.Group(name, Arrays.asList(r.weight(), rel),
                    List.of(pct(r.weight()), rel == null ? t("not measured", "non mesuré") : spct(rel))));
            desc.append(name).append(t(": weight ", " : poids ")).append(pct(r.weight())).append(", ");
            if (rel == null) desc.append(t("not measured in both runs. ", "non mesuré dans les deux modèles. "));
            else desc.append(r.metric()).append(t(" from ", " de ")).append(num(r.baselineValue())).append(t(" to ", " à ")).append(num(r.value()))
                    .append(", ").append(spct(rel)).append(rel >= 0 ? t(" better", " de mieux") : t(" worse", " de moins bien")).append(". ");
        }
        return new SvgBarChart(id, t("Weight and change of each objective's metric", "Poids et évolution de la mesure de chaque objectif"),
                desc.toString().strip(),
                List.of(new SvgBarChart.Series(t("Weight in the mandate", "Poids dans le mandat"), WEIGHT_COLOUR),
                        new SvgBarChart.Series(t("Change of the metric (+ = better)", "Évolution de la mesure (+ = mieux)"), CHANGE_COLOUR)), groups);
    }

    private void chart(Comparison c, String id) {
        h.append("<figure>\n").append(chartFor(c, id).render()).append("<figcaption>")
                .append(t("Weight of each objective next to the change of its metric from ", "Poids de chaque objectif à côté de l'évolution de sa mesure de "))
                .append(esc(c.baseline().label())).append(t(" to ", " à ")).append(esc(c.run().label()))
                .append(t(". To fit one axis, each change is divided by the reference value and signed so that positive always means better; "
                                + "the exact values are in the table above.",
                        ". Pour tenir sur un seul axe, chaque évolution est divisée par la valeur de référence et signée de sorte que positif "
                                + "signifie toujours mieux ; les valeurs exactes sont dans le tableau ci-dessus."))
                .append("</figcaption>\n</figure>\n");
    }

    private void provenance(ReportInput in) {
        h.append("<section aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">").append(t("Training provenance", "Provenance de l'entraînement"))
                .append("</h2>\n<p>").append(t(
                        "Each model comes with a manifest written by the trainer. With the same data, code version, seed and settings, "
                                + "anyone can retrain it and re-run the evaluation.",
                        "Chaque modèle est accompagné d'un manifeste écrit par l'entraîneur. Avec les mêmes données, la même version du code, "
                                + "la même graine et les mêmes réglages, chacun peut le ré-entraîner et refaire l'évaluation.")).append("</p>\n");
        for (RunSummary r : in.runs()) {
            h.append("<h3>").append(esc(r.label())).append("</h3>\n<table>\n<caption>").append(t("Manifest of ", "Manifeste de "))
                    .append(esc(r.label())).append("</caption>\n<tbody>\n");
            h.append("<tr><th scope=\"row\">").append(t("Mandate trained under", "Mandat d'entraînement")).append("</th><td><span class=\"hash\">")
                    .append(esc(r.mandateHash())).append("</span>")
                    .append(r.mandateHash().equals(in.mandate().sha256()) ? t(" (the mandate of this report)", " (le mandat de ce rapport)") : "")
                    .append("</td></tr>\n");
            h.append("<tr><th scope=\"row\">").append(t("Training weights", "Poids d'entraînement")).append("</th><td>");
            List<String> ws = new ArrayList<>();
            for (Object k : sortedKeys(r.weights())) ws.add(esc(name((String) k)) + " " + esc(pct(r.weights().get(k))));
            h.append(ws.isEmpty() ? t("none stated", "non précisés") : String.join(", ", ws)).append("</td></tr>\n");
            Set<String> shown = new LinkedHashSet<>();
            for (Map.Entry<String[], List<String>> field : KNOWN_MANIFEST_FIELDS) {
                String key = field.getValue().stream().filter(r.manifest()::containsKey).findFirst().orElse(null);
                h.append("<tr><th scope=\"row\">").append(esc(field.getKey()[fr ? 1 : 0])).append("</th><td>");
                if (key == null) h.append("<em>").append(t("not stated in the manifest", "absent du manifeste")).append("</em>");
                else {
                    shown.add(key);
                    value(r.manifest().get(key), key.toLowerCase(Locale.ROOT).contains("payoff"));
                }
                h.append("</td></tr>\n");
            }
            for (Object key : sortedKeys(r.manifest())) {
                if (shown.contains(key)) continue;
                h.append("<tr><th scope=\"row\"><code>").append(esc(key)).append("</code></th><td>");
                value(r.manifest().get(key), false);
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (in.runs().isEmpty()) h.append("<p>").append(t("No training run is recorded.", "Aucun entraînement n'est enregistré.")).append("</p>\n");
        h.append("</section>\n");
    }

    /** A manifest value: text for scalars, a nested list for small trees, a matrix for a payoff table. */
    private void value(Object v, boolean matrix) {
        switch (v) {
            case null -> h.append("<em>null</em>");
            case String s -> h.append(s.matches("[0-9a-f]{32,}") ? "<span class=\"hash\">" + esc(s) + "</span>" : esc(s));
            case Double d -> h.append(esc(CanonicalJson.number(d)));
            case Float f -> h.append(esc(CanonicalJson.number(f)));
            case Number n -> h.append(esc(n));
            case Boolean b -> h.append(b ? t("yes", "oui") : t("no", "non"));
            case Map<?, ?> map when matrix && payoffMatrix(map) -> payoff(map);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    h.append("<em>").append(t("empty", "vide")).append("</em>");
                    return;
                }
                h.append("<dl class=\"kv\">");
                for (Object key : sortedKeys(map)) {
                    h.append("<dt>").append(esc(key)).append("</dt><dd>");
                    value(map.get(key), false);
                    h.append("</dd>");
                }
                h.append("</dl>");
            }
            case List<?> list -> {
                if (list.stream().allMatch(o -> o == null || o instanceof String || o instanceof Number || o instanceof Boolean)) {
                    h.append(list.isEmpty() ? "<em>" + t("none", "aucun") + "</em>"
                            : "<code>" + esc(String.join(", ", list.stream().map(String::valueOf).toList())) + "</code>");
                } else {
                    h.append("<ol>");
                    for (Object o : list) {
                        h.append("<li>");
                        value(o, false);
                        h.append("</li>");
                    }
                    h.append("</ol>");
                }
            }
            default -> h.append("<code>").append(esc(CanonicalJson.write(v))).append("</code>");
        }
    }

    private static boolean payoffMatrix(Map<?, ?> map) {
        return !map.isEmpty() && map.values().stream().allMatch(row -> row instanceof Map<?, ?> m
                && m.values().stream().allMatch(x -> x == null || x instanceof Number));
    }

    /** Rows and columns as the trainer keyed them (e.g. rows = whose single-objective optimum, columns = objective measured). */
    private void payoff(Map<?, ?> map) {
        Map<Object, Object> columns = new java.util.HashMap<>();
        for (Object row : map.values()) ((Map<?, ?>) row).keySet().forEach(k -> columns.put(k, k));
        List<Object> cols = sortedKeys(columns);
        h.append("<table>\n<caption>").append(t("Payoff table", "Table des gains")).append("</caption>\n<thead><tr><td></td>");
        for (Object c : cols) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (Object rowKey : sortedKeys(map)) {
            h.append("<tr><th scope=\"row\">").append(esc(rowKey)).append("</th>");
            for (Object c : cols) {
                Object x = ((Map<?, ?>) map.get(rowKey)).get(c);
                h.append("<td class=\"num\">").append(x == null ? "" : esc(num(((Number) x).doubleValue()))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Breakdowns by member strata, every count under the disclosure control of {@link StrataTable}. */
    private void strata() {
        if (sections.strata().isEmpty()) return;
        h.append("<section aria-labelledby=\"strata\">\n<h2 id=\"strata\">").append(t("Who took part", "Qui a participé")).append("</h2>\n<p>")
                .append(t("Counts below " + StrataTable.MIN_CELL + " are not shown (“<" + StrataTable.MIN_CELL + "”), nor any count that would let them be worked out from the totals (“·”).",
                        "Les effectifs inférieurs à " + StrataTable.MIN_CELL + " ne sont pas publiés (« <" + StrataTable.MIN_CELL + " »), ni ceux qui permettraient de les retrouver à partir des totaux (« · »)."))
                .append("</p>\n");
        for (StrataTable table : sections.strata()) {
            StrataTable.Published p = table.publish();
            h.append("<table>\n<caption>").append(esc(p.title())).append("</caption>\n<thead><tr><th scope=\"col\">").append(esc(p.rowDimension())).append("</th>");
            for (String c : p.columns()) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
            h.append("<th scope=\"col\">").append(t("Total", "Total")).append("</th></tr></thead>\n<tbody>\n");
            for (StrataTable.Published.Row row : p.rows()) {
                h.append("<tr><th scope=\"row\">").append(esc(row.stratum())).append("</th>");
                for (String c : p.columns()) h.append("<td>").append(count(row.cells().get(c), table.counts().get(row.stratum()).getOrDefault(c, 0L), p.threshold())).append("</td>");
                h.append("<td>").append(count(row.total(), table.counts().get(row.stratum()).values().stream().mapToLong(Long::longValue).sum(), p.threshold())).append("</td></tr>\n");
            }
            h.append("<tr><th scope=\"row\">").append(t("Total", "Total")).append("</th>");
            for (String c : p.columns()) {
                long raw = table.counts().values().stream().mapToLong(m -> m.getOrDefault(c, 0L)).sum();
                h.append("<td>").append(count(p.columnTotals().get(c), raw, p.threshold())).append("</td>");
            }
            long all = table.counts().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
            h.append("<td>").append(count(p.total(), all, p.threshold())).append("</td></tr>\n</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    /** A published count, or the reason it is hidden: below the threshold ("<10") or hidden to protect another ("·"). */
    private static String count(Long published, long raw, int threshold) {
        if (published != null) return String.valueOf(published);
        return raw < threshold ? "&lt;" + threshold : "·";
    }

    private void tradeOff() {
        TradeOffCurve c = sections.tradeOff();
        if (c == null) return;
        String x = name(c.xObjective()) + " (" + c.xMetric() + ")";
        String y = name(c.yObjective()) + " (" + c.yMetric() + ")";
        String voted = t("voted mandate", "mandat voté");
        h.append("<section aria-labelledby=\"tradeoff\">\n<h2 id=\"tradeoff\">").append(t("The trade-off", "L'arbitrage")).append("</h2>\n<p>")
                .append(t("Each point is a model trained with different weights; the highlighted point is the model trained under the voted mandate.",
                        "Chaque point est un modèle entraîné avec d'autres poids ; le point mis en évidence est le modèle entraîné sous le mandat voté."))
                .append("</p>\n<figure>\n").append(SvgTradeOffChart.render("tradeoff-chart", c, x, y, voted, locale)).append("</figure>\n");
        h.append("<table>\n<caption>").append(esc(y)).append(" / ").append(esc(x)).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(t("Model", "Modèle")).append("</th><th scope=\"col\">").append(t("Weights", "Poids")).append("</th><th scope=\"col\">")
                .append(esc(x)).append("</th><th scope=\"col\">").append(esc(y)).append("</th></tr></thead>\n<tbody>\n");
        List<TradeOffCurve.Point> points = new ArrayList<>(c.points());
        if (c.voted() != null) points.add(c.voted());
        for (TradeOffCurve.Point p : points) {
            List<String> w = new ArrayList<>();
            p.weights().forEach((k, v) -> w.add(name(k) + " " + pct(v)));
            boolean isVoted = p == c.voted();
            h.append("<tr><th scope=\"row\">").append(esc(p.label())).append(isVoted ? " (" + esc(voted) + ")" : "").append("</th><td>")
                    .append(esc(String.join(", ", w))).append("</td><td>").append(esc(num(p.x()))).append("</td><td>").append(esc(num(p.y()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private void ledger(ReportInput in) {
        LedgerSummary l = in.ledger();
        h.append("<section aria-labelledby=\"ledger\">\n<h2 id=\"ledger\">").append(t("Verification of the record", "Vérification du registre"))
                .append("</h2>\n<p>").append(t(
                        "Every ballot, the tally, the mandate, each training run and evaluation are appended to a hash chain: each entry "
                                + "includes the SHA-256 of the one before it, so changing, removing or reordering any entry breaks every hash after it.",
                        "Chaque bulletin, le dépouillement, le mandat, chaque entraînement et chaque évaluation sont ajoutés à une chaîne de "
                                + "hachage : chaque entrée contient le SHA-256 de la précédente, si bien que modifier, supprimer ou réordonner une "
                                + "entrée casse toutes les empreintes qui la suivent.")).append("</p>\n");
        h.append("<p class=\"status ").append(l.verified() ? "ok\">" + t("Verified: ", "Vérifié : ") : "bad\">" + t("NOT verified: ", "NON vérifié : "))
                .append(esc(l.verificationMessage())).append("</p>\n");
        h.append("<dl class=\"kv\">\n<dt>").append(t("Entries", "Entrées")).append("</dt><dd>").append(l.entries()).append("</dd>\n<dt>")
                .append(t("Head hash", "Empreinte de tête")).append("</dt><dd class=\"hash\">")
                .append(esc(l.headHash() == null ? t("none", "aucune") : l.headHash())).append("</dd>\n</dl>\n");
        merkle(in.verification());
        h.append("<h3>").append(t("Check it yourself", "Vérifiez vous-même")).append("</h3>\n<p>")
                .append(t("Download the exported bundle (ledger, checkpoints, public keys, model files, evaluation data) and run:",
                        "Téléchargez l'export (registre, points de contrôle, clés publiques, modèles, données d'évaluation) et lancez :"))
                .append("</p>\n<pre><code>").append(esc(command(in))).append("</code></pre>\n<p>")
                .append(t("It recomputes every hash from the first entry, recounts the ballots with the published rule and their Merkle root, checks the "
                                + "signatures and Merkle proofs of the checkpoints, re-runs both models on the published evaluation data, and, given your receipt, "
                                + "proves your ballot is among those counted. Add <code>--trusted-keys DIR</code> to check the signatures against keys you obtained "
                                + "elsewhere, and <code>--previous-checkpoint FILE</code> to prove the log only grew since a checkpoint you kept.",
                        "La commande recalcule chaque empreinte depuis la première entrée, recompte les bulletins avec la règle publiée ainsi que leur racine de "
                                + "Merkle, vérifie les signatures et les preuves de Merkle des points de contrôle, ré-exécute les deux modèles sur les données "
                                + "d'évaluation publiées et, avec votre reçu, prouve que votre bulletin fait partie de ceux comptés. Ajoutez "
                                + "<code>--trusted-keys DIR</code> pour vérifier les signatures avec des clés obtenues ailleurs, et "
                                + "<code>--previous-checkpoint FICHIER</code> pour prouver que le registre n'a fait que croître depuis un point de contrôle conservé."))
                .append("</p>\n</section>\n");
    }

    /** The signed checkpoint and the Merkle status of the record at the time of the report. */
    private void merkle(VerificationSummary v) {
        h.append("<h3>").append(t("Signed checkpoint and Merkle proofs", "Point de contrôle signé et preuves de Merkle")).append("</h3>\n");
        if (v == null) {
            h.append("<p>").append(notDeclared()).append(t(": this report was written without a signed checkpoint.",
                    " : ce rapport a été écrit sans point de contrôle signé.")).append("</p>\n");
            return;
        }
        h.append("<table>\n<caption>").append(t("The record's Merkle tree (RFC 9162) at the time of this report", "L'arbre de Merkle du registre (RFC 9162) au moment de ce rapport"))
                .append("</caption>\n<tbody>\n");
        var cp = v.checkpoint();
        if (cp == null) {
            h.append("<tr><th scope=\"row\">").append(t("Signed checkpoint", "Point de contrôle signé")).append("</th><td>").append(notDeclared())
                    .append(t(": none was signed before this report", " : aucun n'a été signé avant ce rapport")).append("</td></tr>\n");
        } else {
            var c = cp.checkpoint();
            row(t("Checkpoint of", "Point de contrôle de"), c.origin());
            row(t("Entries covered (size)", "Entrées couvertes (taille)"), String.valueOf(c.size()));
            h.append("<tr><th scope=\"row\">").append(t("Signed root", "Racine signée")).append("</th><td class=\"hash\">").append(esc(c.rootHash())).append("</td></tr>\n");
            row(t("Signed at", "Signé le"), c.timestamp());
            h.append("<tr><th scope=\"row\">").append(t("Signers and co-signers", "Signataires et co-signataires")).append("</th><td><ul>");
            for (var sig : cp.signatures()) {
                h.append("<li>").append(esc(sig.signer())).append(t(", key ", ", clé ")).append("<span class=\"hash\">").append(esc(sig.keyId())).append("</span></li>");
            }
            h.append("</ul></td></tr>\n");
            h.append("<tr><th scope=\"row\">").append(t("Signed root is the tree head of those entries", "La racine signée est la tête d'arbre de ces entrées"))
                    .append("</th><td>").append(verdict(v.checkpointRootMatches())).append("</td></tr>\n");
            h.append("<tr><th scope=\"row\">").append(t("The record only grew since (consistency proof)", "Le registre n'a fait que croître depuis (preuve de cohérence)"))
                    .append("</th><td>").append(verdict(v.consistent())).append("</td></tr>\n");
        }
        row(t("Entries at the time of this report", "Entrées au moment de ce rapport"), String.valueOf(v.ledgerSize()));
        h.append("<tr><th scope=\"row\">").append(t("Tree head of those entries", "Tête d'arbre de ces entrées")).append("</th><td class=\"hash\">")
                .append(esc(v.ledgerRoot())).append("</td></tr>\n");
        h.append("<tr><th scope=\"row\">").append(t("Merkle root of the counted ballots", "Racine de Merkle des bulletins comptés")).append("</th><td>");
        if (v.ballotsRoot() == null) h.append(notDeclared()).append(t(": the tally entry records none", " : l'entrée de dépouillement n'en contient pas"));
        else h.append("<span class=\"hash\">").append(esc(v.ballotsRoot())).append("</span><br>").append(verdict(v.ballotsRootRecomputed()))
                .append(t(" recomputed from the " + v.countedBallots() + " published ballots", " recalculée à partir des " + v.countedBallots() + " bulletins publiés"));
        h.append("</td></tr>\n</tbody>\n</table>\n");
        h.append("<p>").append(t("The publication of this report is itself an entry of the record, so only a checkpoint signed after it can cover it: "
                        + "the command below checks that the latest checkpoint in the bundle covers every entry.",
                "La publication de ce rapport est elle-même une entrée du registre : seul un point de contrôle signé après elle peut la couvrir. "
                        + "La commande ci-dessous vérifie que le dernier point de contrôle de l'export couvre toutes les entrées.")).append("</p>\n");
    }

    private String verdict(Boolean ok) {
        if (ok == null) return t("not checked", "non vérifié");
        return ok ? "<span class=\"ok\">" + t("yes", "oui") + "</span>" : "<span class=\"bad\">" + t("NO", "NON") + "</span>";
    }

    private void row(String header, String value) {
        h.append("<tr><th scope=\"row\">").append(esc(header)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /**
     * Keys in a stable order whatever map the caller built (Map.of iterates in a per-JVM random order):
     * catalogue objectives first, in catalogue order, then everything else alphabetically.
     */
    private static List<Object> sortedKeys(Map<?, ?> map) {
        List<String> catalogue = Catalogue.all().stream().map(Objective::id).toList();
        List<Object> keys = new ArrayList<>(map.keySet());
        keys.sort(Comparator.comparingInt((Object k) -> {
            int i = catalogue.indexOf(String.valueOf(k));
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(String::valueOf));
        return keys;
    }

    private String direction(Direction d) {
        return d == Direction.MAXIMISE ? t("higher", "élevée") : t("lower", "basse");
    }

    private String better(Direction d) {
        return d == Direction.MAXIMISE ? t("higher is better", "plus haut = mieux") : t("lower is better", "plus bas = mieux");
    }

    private String name(String objectiveId) {
        return Catalogue.find(objectiveId).map(o -> o.name().in(locale)).orElse(objectiveId);
    }
}
