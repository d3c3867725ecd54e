//! Every visible string of the interface, in English and Simplified Chinese.
//!
//! Lens content is translated in the lens files; this table holds the interface's own words.
//! The `messages!` macro makes a key without both languages a compile error, and a test checks
//! that placeholders (`{name}`) match between the two. Why not leptos_i18n: see the README's
//! "Dependencies" section (it cost more first-load bytes than this whole table, for plural and
//! locale machinery two languages without plurals do not need).

use crate::domain::storage::StoreError;
use crate::domain::text::Lang;
use crate::domain::workload::Workload;

mod words;
pub use words::*;

// Messages only the command-line tool says are marked `#[cfg(not(target_arch = "wasm32"))]`, so
// that the web app's wasm does not carry them (about 3 KB of text). The Word documents' own
// (`Doc…`) are also in the Office worker's wasm, built with the `office` feature, never in the
// app's.
macro_rules! messages {
    (
        $($(#[$attr:meta])* $key:ident => $en:literal, $zh:literal;)*
        @pages
        $($pkey:ident => $pen:literal, $pzh:literal;)*
    ) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Msg { $($(#[$attr])* $key,)* $($pkey,)* }

        /// The texts of the other messages, English then Chinese, in the order of [`Msg`] (a
        /// table rather than a `match`: 12 KB less code in the first load).
        static MAIN_TEXTS: &[[&str; 2]] = &[$($(#[$attr])* [$en, $zh],)*];

        /// The texts of the pages' own messages, English then Chinese (see [`page_text`]).
        pub static PAGE_TEXTS: &[[&str; 2]] = &[$([$pen, $pzh],)*];

        impl Msg {
            /// Every message (for tests).
            pub const ALL: &'static [Msg] = &[$($(#[$attr])* Msg::$key,)* $(Msg::$pkey,)*];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                // The variants are declared in the tables' order: the others, then the pages'.
                let i = self as usize;
                match MAIN_TEXTS.get(i) {
                    Some(t) => t[usize::from(lang == Lang::ZhCn)],
                    None => page_text(i - MAIN_TEXTS.len(), lang),
                }
            }
        }
    };
}

/// The pages' texts once they are in hand, in a split build: the table comes with the pages'
/// code (`crate::ui::pages::load_page_texts`, which every page awaits before it is built), so
/// the first load does not carry them.
#[cfg(feature = "split")]
pub static PAGES_LOADED: std::sync::OnceLock<&'static [[&'static str; 2]]> =
    std::sync::OnceLock::new();

/// A page message's text. Only page code asks for one, and a page is built only once the table
/// is in hand (in a split build); before that (never, if the pages are right) it is empty.
fn page_text(index: usize, lang: Lang) -> &'static str {
    #[cfg(feature = "split")]
    let table: &[[&str; 2]] = PAGES_LOADED.get().copied().unwrap_or_default();
    #[cfg(not(feature = "split"))]
    let table = PAGE_TEXTS;
    table
        .get(index)
        .map_or("", |t| t[usize::from(lang == Lang::ZhCn)])
}

messages! {
    AppName => "Preflight", "Preflight";
    SkipToContent => "Skip to main content", "跳到主要内容";
    MainNav => "Main", "主导航";
    NavHome => "Home", "首页";
    NavWorkloads => "Workloads", "工作负载";
    NavProfile => "Profile", "概况";
    NavQuestionnaire => "Questionnaire", "问卷";
    NavResults => "Results", "结果";
    SwitchLanguage => "切换到中文", "Switch to English";
    OtherLanguageShort => "中文", "EN";
    Footer => "Preflight runs entirely in your browser. Nothing you enter leaves this device unless you export it.", "Preflight 完全在您的浏览器中运行。除非您主动导出，填写的内容不会离开本设备。";

    PageLoading => "Opening the page…", "正在打开页面……";
    PageFailedTitle => "This page could not be opened", "无法打开此页面";
    PageFailed => "This page could not be downloaded. Check your connection and try again; if it keeps failing, reload Preflight (your work is kept).", "无法下载此页面。请检查网络连接后重试；如果仍然失败，请重新加载 Preflight（您的内容会保留）。";
    PageRetry => "Try again", "重试";

    StartTitle => "Get ready for your Well-Architected review", "为卓越架构（Well-Architected）评审做好准备";
    StartLead => "Answer a short questionnaire on the five Well-Architected pillars — security, reliability, cost optimization, operational excellence and performance efficiency — and see where your risks are before the engagement begins.", "回答覆盖卓越架构五大支柱（安全、稳定性、成本优化、卓越运营和性能效率）的简短问卷，在项目启动前了解您的风险所在。";
    StartPrivacyTitle => "Your data stays in this browser", "数据只保存在您的浏览器中";
    StartPrivacy => "Nothing you enter is sent anywhere. Progress is saved in this browser's local storage as you go, so you can close the tab and continue later. You decide what to share with the consulting team.", "您填写的内容不会上传到任何服务器。填写进度随时自动保存在本浏览器的本地存储中，您可以关闭页面，稍后继续。是否与咨询团队分享、分享哪些内容，均由您决定。";
    StartStepsTitle => "How it works", "使用步骤";
    StartStep1 => "Describe the workload you want reviewed.", "描述需要评审的工作负载。";
    StartStep2 => "Answer the questions, pillar by pillar. Each takes a minute; skip what does not apply.", "按支柱逐一回答问题，每题约一分钟；不适用的问题可以标记跳过。";
    StartStep3 => "Review the risks and scores per pillar.", "查看各支柱的风险和得分。";
    StartNew => "Start a new assessment", "开始新的评估";
    StartContinue => "Continue “{name}”", "继续“{name}”";
    StartAllWorkloads => "All workloads", "全部工作负载";

    Untitled => "Untitled workload", "未命名工作负载";
    CopySuffix => "{name} (copy)", "{name}（副本）";
    Deleted => "“{name}” was deleted.", "已删除“{name}”。";




    NoScore => "no answers yet", "尚无答案";

    StorageUnavailable => "This browser does not let Preflight save (private browsing, or storage turned off). Your answers are kept only while this tab is open — download a copy before you close it.", "此浏览器不允许 Preflight 保存数据（可能处于隐私浏览模式或已禁用存储）。您的答案仅在此页面打开期间保留，关闭前请下载副本。";
    StorageFull => "The browser's storage is full, so your latest changes are not saved. They are kept while this tab is open. Download a copy, or delete workloads you no longer need.", "浏览器存储空间已满，最近的更改未能保存，仅在此页面打开期间保留。请下载副本，或删除不再需要的工作负载。";
    StorageFailed => "Saving failed ({error}). Your changes are kept while this tab is open; download a copy to be safe.", "保存失败（{error}）。更改仅在此页面打开期间保留，请下载副本以防丢失。";
    DownloadCopy => "Download a copy", "下载副本";
    Quarantined => "A saved record could not be read, so it was set aside instead of being used or overwritten. Download it to keep it, or discard it.", "有一条已保存的记录无法读取，已将其单独隔离，不会使用或覆盖。您可以下载保留，或将其丢弃。";
    QuarantineReason => "Problem: {reason}", "问题：{reason}";
    DownloadIt => "Download it", "下载";
    Discard => "Discard", "丢弃";
    Unreadable => "A saved record ({key}) could not be read and could not be set aside ({error}). It has been left untouched and is not used.", "已保存的记录（{key}）无法读取，也无法隔离（{error}）。该记录保持原样，不会被使用。";
    NewerData => "Some saved data was written by a newer version of Preflight and is not shown here. It has been left untouched.", "部分已保存数据来自更新版本的 Preflight，此处不显示，也未被改动。";
    WorkloadMissing => "That workload is not in this browser. It may have been deleted.", "本浏览器中没有该工作负载，它可能已被删除。";
    DeletedElsewhere => "The workload you were viewing was deleted in another tab.", "您正在查看的工作负载已在另一个标签页中被删除。";
    Dismiss => "Dismiss", "关闭";

    NavPlan => "Plan", "改进计划";
    NavMilestones => "Milestones", "里程碑";
    NavReport => "Report", "报告";
    WorkloadNav => "This workload", "当前工作负载";





    NavServices => "Services", "服务";
    NavSchedule => "Schedule", "排期";
    CatalogueLoading => "Loading the service catalogue…", "正在加载服务目录……";
    CatalogueFailed => "The service catalogue could not be loaded ({error}).", "无法加载服务目录（{error}）。";
    OnsiteHint => "On-site man-days are the first days of the service, spent at your site.", "现场人天为服务的最初几天，在您的现场进行。";

    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocContents => "Contents", "目录";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocScope => "Scope", "评估范围";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocLensesAssessed => "Assessments", "评估内容";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocLensLine => "{lens}: {pillars} pillars, {questions} questions", "{lens}：{pillars} 个支柱，{questions} 个问题";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocServicesChosen => "Services chosen", "已选服务";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocNoServices => "No services chosen yet.", "尚未选择服务。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocCurrentState => "Current state by pillar", "各支柱现状";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocCurrentStateIntro => "Every question of the assessment as the customer answered it: its status, the practices already in place, why a question does not apply, and the customer's notes.", "按客户的回答列出评估中的每个问题：状态、已具备的实践、问题不适用的原因以及客户备注。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocRisks => "Risks", "风险";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocNoRisks => "The answers show no high or medium risks.", "回答中没有高风险或中风险。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocRiskCount => "The answers show {high} high and {medium} medium risks, high risks first below.", "回答中共有 {high} 个高风险和 {medium} 个中风险，下表先列高风险。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocExecutiveSummary => "Executive summary", "执行摘要";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocSummaryLine => "The assessment found {high} high and {medium} medium risks; {unanswered} questions are unanswered. Overall score: {score}.", "评估发现 {high} 个高风险和 {medium} 个中风险；{unanswered} 个问题未回答。总体得分：{score}。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocFindings => "Findings by pillar", "各支柱发现";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPillarNoRisks => "No high or medium risks in this pillar.", "该支柱没有高风险或中风险。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocMissingPractices => "Practices to adopt", "需采用的实践";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocImprovementPlan => "Improvement plan", "改进计划";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPlanIntro => "Every practice a risky question lacks, in priority order: the customer's ranking of the pillars, then the risk. Effort is in man-days; cost is effort at the day rate of the customer's quote.", "列出风险问题所缺少的每项实践，按优先级排序：先按客户对支柱的排序，再按风险。工作量单位为人天；费用为工作量乘以客户报价中的人天单价。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocItems => "{n} improvements", "{n} 项改进";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocRecommendedServices => "Recommended services", "建议的服务";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocSuggestedPackage => "{service}: {high} high risks, about {days} man-days of priority 1 and 2 improvements", "{service}：{high} 个高风险，优先级 1 和 2 的改进约 {days} 人天";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocNothingSuggested => "The results suggest no further services.", "根据评估结果，无需更多服务。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocRiskLine => "{risk}: {question}", "{risk}：{question}";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocConsultants => "Consultants staffed: {n}", "投入顾问：{n} 名";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocOnsiteDays => "On-site visit: {days} man-days, the first days of implementation", "现场服务：{days} 人天，为实施的最初几天";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocImplementationDays => "Implementation takes {days} working days (the man-days divided among the consultants), counted on the provider's working days.", "实施需要 {days} 个工作日（人天数除以顾问人数），按服务商的工作日计算。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocNoSchedule => "No schedule could be computed for these services.", "无法为这些服务计算日程。";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPackages => "Pillar packages", "各支柱服务包";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocInvestigationFocus => "Investigation focus", "调研重点";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocDesignOutline => "Solution design outline", "方案设计概要";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPackageDays => "Man-days: {days}", "人天：{days}";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPackageImprovements => "Improvements from the assessment", "评估得出的改进项";
    #[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
    DocPlanItem => "Priority {priority}: {practice}", "优先级 {priority}：{practice}";

    NavWorkspace => "Consultant workspace", "顾问工作台";
    ReadOnlyBanner => "Read-only: a customer's bundle imported from {file}.", "只读：从 {file} 导入的客户评估包。";
    ChangedWarning => "Its content does not match its checksum: it was changed or damaged after export. Treat its answers with care.", "其内容与校验值不符：导出后曾被修改或损坏，请谨慎对待其中的答案。";
    LensMismatch => "It was answered with a different version of a lens; questions and choices this app does not have are ignored.", "该评估包作答时使用的评估模型版本与本应用不同；本应用中不存在的问题和选项将被忽略。";
    BackToWorkspace => "Back to the workspace", "返回工作台";

    ReportTitle => "Well-Architected pre-engagement report", "卓越架构（Well-Architected）项目启动前评估报告";
    NavProposal => "Proposal", "建议书";
    ProposalTitle => "Proposal", "服务建议书";
    ProposalOpenCautions => "Open points", "待处理事项";

    ConfigProblems => "This site's configuration (config.json) has problems; the default is used for each setting below. Please tell the site's owner.", "本站点的配置文件（config.json）有问题，以下各项已改用默认值。请告知站点管理员。";
    UpdateReady => "A new version of this app is ready; reload to use it.", "本应用的新版本已就绪，重新加载即可使用。";
    UpdateReload => "Reload now", "立即重新加载";
    ContactUs => "Contact:", "联系方式：";
    ContactWebsite => "Website", "网站";
    StoreUnavailable => "storage is unavailable", "存储不可用";
    StoreFull => "storage is full", "存储空间已满";
    StoreFailed => "storage failed", "存储出错";

    // The command-line tool (`preflight --lang zh-CN …`); the English lines are its contract.
    #[cfg(not(target_arch = "wasm32"))]
    CliCannotRead => "cannot read: {error}", "无法读取：{error}";
    #[cfg(not(target_arch = "wasm32"))]
    CliCannotWrite => "cannot write: {error}", "无法写入：{error}";
    #[cfg(not(target_arch = "wasm32"))]
    CliNoPackages => "no implementation package chosen, so there is no Implementation Plan", "尚未选择实施服务包，因此没有实施方案";
    #[cfg(not(target_arch = "wasm32"))]
    CliNoServices => "no services chosen, so there is no schedule", "尚未选择服务，因此没有日程";
    #[cfg(not(target_arch = "wasm32"))]
    CliWroteReport => "wrote {file} ({title}, {headings} headings)", "已写入 {file}（{title}，{headings} 个标题）";
    #[cfg(not(target_arch = "wasm32"))]
    CliWrotePlan => "wrote {file} ({events} dates, as of {start})", "已写入 {file}（{events} 个日期，以 {start} 为准）";
    #[cfg(not(target_arch = "wasm32"))]
    CliPreflightLens => "Preflight lens", "Preflight 评估模型";
    #[cfg(not(target_arch = "wasm32"))]
    CliAwsLens => "AWS custom lens", "AWS 自定义评估模型";
    #[cfg(not(target_arch = "wasm32"))]
    CliWarning => "warning: {problem}", "警告：{problem}";
    #[cfg(not(target_arch = "wasm32"))]
    CliTooBig => "$: file is {size} bytes; the limit is {limit} bytes", "$: 文件大小为 {size} 字节，上限为 {limit} 字节";
    #[cfg(not(target_arch = "wasm32"))]
    CliNoSuchLens => "the bundle carries no lens “{id}”", "该评估包中没有评估模型“{id}”";
    #[cfg(not(target_arch = "wasm32"))]
    CliValidBundle => "valid bundle of {organisation} / {workload}, exported {time}", "有效的评估包：{organisation} / {workload}，导出于 {time}";
    #[cfg(not(target_arch = "wasm32"))]
    CliValidBackup => "valid backup of {count} workloads (migrated from {from})", "有效的备份，包含 {count} 个工作负载（从 {from} 迁移）";
    #[cfg(not(target_arch = "wasm32"))]
    CliNotADate => "not a date (YYYY-MM-DD, years 1900 to 9999)", "不是日期（YYYY-MM-DD，年份 1900 至 9999）";
    #[cfg(not(target_arch = "wasm32"))]
    CliTooFar => "at most {max} working days", "最多 {max} 个工作日";
    #[cfg(not(target_arch = "wasm32"))]
    CliOutOfRange => "the count needs a year the provider's holiday calendar does not cover (it covers {first} to {last})", "计算需要用到服务商节假日日历未覆盖的年份（日历覆盖 {first} 至 {last} 年）";
    #[cfg(not(target_arch = "wasm32"))]
    CliProvisional => "(provisional)", "（暂定）";
    #[cfg(not(target_arch = "wasm32"))]
    CliYearOfficial => "official: {source}", "官方安排：{source}";
    #[cfg(not(target_arch = "wasm32"))]
    CliYearProvisional => "provisional: computed from the statutory holidays (State Council Decree No. 795) and the lunar table, with no adjusted working days. Check it against the State Council's notice before adding the year to config.json.", "暂定：依据法定节假日（国务院令第795号）和农历表推算，不含调休上班日。将该年加入 config.json 前，请与国务院办公厅的放假通知核对。";
    #[cfg(not(target_arch = "wasm32"))]
    CliYearNotCovered => "not covered: the provider's holiday calendar covers {first} to {last}", "不在覆盖范围内：服务商节假日日历覆盖 {first} 至 {last} 年";
    #[cfg(not(target_arch = "wasm32"))]
    CliDaysOff => "Days off (beyond ordinary weekends):", "放假日（不含普通周末）：";
    #[cfg(not(target_arch = "wasm32"))]
    CliWorkdays => "Adjusted working days (weekend days worked):", "调休上班日（周末上班）：";
    #[cfg(not(target_arch = "wasm32"))]
    CliNone => "none", "无";
    #[cfg(not(target_arch = "wasm32"))]
    CliValidConfig => "valid config: {details}", "有效的配置：{details}";
    #[cfg(not(target_arch = "wasm32"))]
    CliBrand => "brand \"{name}\"", "品牌“{name}”";
    #[cfg(not(target_arch = "wasm32"))]
    CliDayRate => "day rate {rate}", "人天单价 {rate}";
    #[cfg(not(target_arch = "wasm32"))]
    CliNoDayRate => "no day rate (plans in man-days)", "未设置人天单价（计划以人天计）";
    #[cfg(not(target_arch = "wasm32"))]
    CliOfficialYears => "official holidays {years}", "官方节假日 {years}";
    #[cfg(not(target_arch = "wasm32"))]
    CliClosures => "closures {days}", "休息日 {days}";

    // The pages' own messages (each used by page code only, src/ui/views/ and what they call):
    // their texts are a table that comes with the pages' code in a split build (see `page_text`).
    @pages
    NameLabel => "Workload name", "工作负载名称";
    Progress => "{done} of {total} questions answered", "已回答 {done}/{total} 题";
    Organisation => "Organisation", "组织名称";
    ContactName => "Contact name", "联系人";
    ReasonOutOfScope => "Out of scope", "不在范围内";
    ReasonBusiness => "Business priorities", "业务优先级";
    ReasonArchitecture => "Architecture constraints", "架构限制";
    ReasonOther => "Other", "其他";
    RiskHigh => "High risk", "高风险";
    RiskMedium => "Medium risk", "中风险";
    RiskNone => "No risk", "无风险";
    RiskNa => "Not applicable", "不适用";
    RiskUnanswered => "Unanswered", "未回答";
    Score => "Score", "得分";
    High => "High", "高";
    Medium => "Medium", "中";
    NoRiskShort => "None", "无";
    NaShort => "N/A", "不适用";
    UnansweredShort => "Unanswered", "未答";
    CostLow => "low", "低";
    CostMedium => "medium", "中";
    CostHigh => "high", "高";
    ColItems => "Improvements", "改进项";
    ColEffort => "Effort (man-days)", "工作量（人天）";
    ColCurrency => "Currency", "币种";
    PackageFor => "Implementation: {pillar}", "实施：{pillar}";
    QuoteTax => "Tax ({percent} %)", "税费（{percent}%）";
    QuoteTaxNamed => "{name} ({percent} %)", "{name}（{percent}%）";
    ColQuoteTotal => "Quote total", "报价合计";
    QuoteManDays => "Man-days in all", "总人天";
    OnRequest => "On request", "另行报价";
    QuoteOnsiteConsulting => "On-site assessment (consulting)", "现场评估（咨询服务）";
    ServiceConsulting => "Well-Architected Consulting Service", "卓越架构咨询服务";
    QuoteOnsiteImplementation => "On-site visit (implementation)", "现场服务（实施服务）";
    Provisional => "Provisional", "暂定";
    EvEarliestOrder => "Earliest order date", "最早下单日期";
    EvRecommendedOrder => "Recommended order date", "建议下单日期";
    EvStart => "Engagement starts", "项目开始";
    EvConsultingOnsite => "On-site assessment begins", "现场评估开始";
    EvImplementationOnsite => "Implementation on-site visit begins", "实施现场服务开始";
    EvInvestigationReport => "Investigation Report", "调研报告";
    EvConsultingReport => "Well-Architected Consulting Report", "卓越架构咨询报告";
    EvConsultingAcceptance => "Confirm the Consulting Report (acceptance due)", "确认咨询报告（验收截止）";
    EvImplementationStart => "Implementation starts", "实施开始";
    EvImplementationPlan => "Well-Architected Implementation Plan", "卓越架构实施方案";
    EvImplementationAcceptance => "Confirm the Implementation Plan (acceptance due)", "确认实施方案（验收截止）";
    EvManagedKickoff => "Project Kickoff Meeting Report", "项目启动会报告";
    EvManagedSolution => "Project Implementation Solution", "项目实施方案";
    EvManagedStageProgress => "Stage Progress Report", "阶段进展报告";
    EvManagedSummary => "Technology Management Summary Report", "技术管理总结报告";
    EvManagedAcceptanceReport => "Project Acceptance Report", "项目验收报告";
    EvManagedAcceptance => "Confirm the Project Acceptance Report (due)", "确认项目验收报告（截止）";
    ColFile => "File", "文件";
    ColExported => "Exported", "导出时间";
    ColIntegrity => "Integrity", "完整性";
    ColAnswered => "Answered", "已回答";
    ColPillarScore => "{pillar}: score", "{pillar}：得分";
    ColPillarHigh => "{pillar}: high risks", "{pillar}：高风险";
    IntegrityIntact => "Intact", "完整";
    IntegrityChanged => "Changed after export", "导出后被修改";
    IntegrityUnchecked => "No checksum (old backup)", "无校验值（旧备份）";
    PSyntax => "not valid JSON at line {line}, column {column}: {message}", "第 {line} 行第 {column} 列不是有效的 JSON（{message}）";
    PTooLarge => "file is {bytes} bytes; the limit is {limit} bytes", "文件大小为 {bytes} 字节，上限为 {limit} 字节";
    PMissing => "required but missing", "缺少必填项";
    PNotUtf8 => "not UTF-8 text", "不是 UTF-8 编码的文本";
    PUnreadable => "the file could not be read", "无法读取该文件";
    PWrongType => "expected {expected}, found {found}", "类型错误：应为{expected}，实际为{found}";
    PEmpty => "must not be empty", "不能为空";
    PTooLong => "{len} characters; at most {max} are allowed", "共 {len} 个字符，最多允许 {max} 个";
    PLongerThanAws => "{len} characters, more than the {max} AWS's tool allows; kept whole", "共 {len} 个字符，超过 AWS 工具允许的 {max} 个；已完整保留";
    PEmptyLeftOut => "empty; left out", "为空，已略去";
    PTooMany => "{len} entries; at most {max} are allowed", "共 {len} 项，最多允许 {max} 项";
    PTooFew => "{len} entries; at least {min} are required", "共 {len} 项，至少需要 {min} 项";
    PBadId => "invalid id “{id}”: use 1 to {max} {allowed}", "无效的标识“{id}”：请使用 1 到 {max} 个{allowed}";
    IdWord => "ASCII letters, digits or underscores", "ASCII 字母、数字或下划线";
    IdSlug => "lowercase ASCII letters, digits or hyphens", "小写 ASCII 字母、数字或连字符";
    IdSnake => "lowercase ASCII letters, digits or underscores", "小写 ASCII 字母、数字或下划线";
    IdPrintable => "characters other than control characters", "非控制字符";
    PNotADate => "“{found}” is not a date (YYYY-MM-DD)", "“{found}”不是日期（YYYY-MM-DD）";
    PNotATime => "“{found}” is not a time (RFC 3339, such as 2026-11-21T02:00:00Z)", "“{found}”不是时间（RFC 3339 格式，如 2026-11-21T02:00:00Z）";
    PNotSha256 => "not a SHA-256 (64 hexadecimal digits)", "不是 SHA-256 值（64 位十六进制数字）";
    PNotWhole => "{value} is not a whole number", "{value} 不是整数";
    POnsiteWithoutConsulting => "on-site days are part of consulting, which is not chosen", "现场天数属于咨询服务，但未选择咨询服务";
    POnsiteWithoutImplementation => "on-site visit days are part of implementation, and no package is chosen", "现场服务天数属于实施服务，但未选择任何实施服务包";
    PDuplicate => "duplicate id “{id}” (first used at {first})", "标识“{id}”重复（首次出现在 {first}）";
    POutOfRange => "{value} is out of range; expected {min} to {max}", "{value} 超出范围，应在 {min} 到 {max} 之间";
    PNotOneOf => "“{found}” is not one of {allowed}", "“{found}”不是以下值之一：{allowed}";
    PBadUrl => "not an absolute http(s) URL; shown as text, not as a link", "不是以 http(s) 开头的绝对网址，显示为文字而非链接";
    PNoLanguage => "text object needs an “en” or “zh-CN” entry", "多语言文本需要“en”或“zh-CN”条目";
    PCondition => "invalid condition: {detail}", "条件无效：{detail}";
    PUnknownChoice => "condition names “{id}”, which is not a choice of this question", "条件中的“{id}”不是此问题的选项";
    PNoDefaultRule => "no risk rule with the condition “default”: a selection that no rule matches has no risk", "没有条件为“default”的风险规则：不符合任何规则的选择视为无风险";
    PNoImprovementPlan => "no improvement plan: the plan shows only the practice's title", "没有改进计划：计划中只显示该实践的标题";
    PSeveralNone => "only one “None of these” choice (id ending in _no) is allowed", "只能有一个“以上都不是”选项（标识以 _no 结尾）";
    PUnsupportedVersion => "version “{found}” is not supported (this program reads {supported})", "不支持版本“{found}”（本程序支持 {supported}）";
    PUnknownQuestion => "unknown question “{id}”", "未知的问题“{id}”";
    PNotAChoiceOf => "“{choice}” is not a choice of question “{question}”", "“{choice}”不是问题“{question}”的选项";
    PNoneWithOthers => "“{choice}” (“None of these”) cannot be combined with other choices", "“{choice}”（“以上都不是”）不能与其他选项同时选择";
    PNotRaci => "“{found}” is not RACI letters such as A/S/C/I", "“{found}”不是 RACI 字母（如 A/S/C/I）";
    PNoOffering => "the catalogue has no “{id}” offering", "服务目录中缺少“{id}”服务项";
    PNoPhase => "no phase “{id}” in this offering", "此服务项中没有阶段“{id}”";
    PBadSheetName => "a sheet name cannot contain []:*?/\\", "工作表名称不能包含 []:*?/\\";
    PNotADateCell => "not a {\"date\": \"YYYY-MM-DD\"} cell", "不是 {\"date\": \"YYYY-MM-DD\"} 形式的日期单元格";
    PKeyMismatch => "does not match its storage key {key}", "与其存储键 {key} 不符";
    PNotImportId => "an import id starts with i-", "导入标识须以 i- 开头";
    PBundleGone => "the stored file no longer holds bundle {index}", "存储的文件中已没有第 {index} 个评估包";
    CondEmpty => "the condition is empty", "条件为空";
    CondTooLong => "longer than {max} characters", "超过 {max} 个字符";
    CondTooDeep => "nested deeper than {max} levels at character {at}", "第 {at} 个字符处嵌套超过 {max} 层";
    CondLone => "lone '{c}' at character {at}; use {cc}", "第 {at} 个字符处有单独的“{c}”，请使用“{cc}”";
    CondUnexpected => "unexpected {token} at character {at}", "第 {at} 个字符处出现意外的 {token}";
    CondEnd => "the condition ends early (character {at})", "条件提前结束（第 {at} 个字符）";
    CondDefault => "'default' at character {at} must be the whole condition, not part of one", "第 {at} 个字符处的“default”必须单独构成整个条件，不能作为条件的一部分";
    JsonEndTooSoon => "the text ends before the JSON does", "JSON 尚未结束，文本就已结束";
    JsonExpectedColon => "a “:” is missing after a member name", "成员名称后缺少“:”";
    JsonExpectedComma => "a “,” or a closing bracket is missing", "缺少“,”或右括号";
    JsonExpectedValue => "a value is missing or misspelt", "缺少值或值拼写有误";
    JsonKeyNotString => "a member name must be a string in double quotes", "成员名称必须是双引号括起的字符串";
    JsonBadEscape => "a bad escape sequence in a string", "字符串中有无效的转义序列";
    JsonBadNumber => "a malformed or out-of-range number", "数字格式有误或超出范围";
    JsonControlCharacter => "a control character inside a string", "字符串中含有控制字符";
    JsonTrailingComma => "a comma before a closing bracket", "右括号前多了逗号";
    JsonTrailingCharacters => "there is more text after the JSON document", "JSON 文档之后还有多余的文本";
    JsonTooDeep => "nested too deeply", "嵌套层数过多";
    JsonOther => "the JSON parser refused it", "JSON 解析器无法解析";
    PUnknownMember => "not a known setting (known here: {known})", "不是可识别的设置项（此处可用：{known}）";
    PEmbeddedLens => "the lens file in the bundle is invalid: {issue}", "评估包中的评估模型文件无效：{issue}";
    PLensIdMismatch => "the lens file holds lens “{found}”, not “{expected}”", "评估模型文件中是“{found}”，而不是“{expected}”";
    PLensIdTaken => "a different lens with the id “{id}” is already here; rename this one (its name gives an AWS lens its id)", "此处已有标识为“{id}”的另一个评估模型；请为此评估模型改名（AWS 评估模型的标识取自其名称）";
    PBuiltinLensId => "“{id}” is the id of a lens built into the app; give this lens another", "“{id}”是应用内置评估模型的标识，请为此评估模型另取一个";
    PNotRelativePath => "must be a path relative to the page, such as logo.svg (no scheme, host or leading /)", "必须是相对于页面的路径，例如 logo.svg（不能包含协议、主机名或以 / 开头）";
    PNotAColour => "not a colour written #rrggbb or #rgb", "不是 #rrggbb 或 #rgb 格式的颜色";
    PLowContrast => "contrast with the page is {ratio}:1; text needs at least {min}:1 (WCAG AA), so choose a darker colour", "与页面背景的对比度为 {ratio}:1，文字至少需要 {min}:1（WCAG AA），请选择更深的颜色";
    PNotHttpsUrl => "not an absolute https:// URL", "不是以 https:// 开头的绝对网址";
    PNotAnEmail => "not an e-mail address", "不是有效的电子邮件地址";
    PNotAPhone => "not a telephone number (digits, spaces and + - ( ) . only)", "不是有效的电话号码（只能包含数字、空格和 + - ( ) .）";
    PNotIncreasing => "each number must be larger than the one before", "每个数字都必须大于前一个";
    PBadHolidayRange => "the range must be in its year, from ≤ to, at most a month", "日期范围必须在该年内，起始日不晚于结束日，且不超过一个月";
    PBadWorkday => "an adjusted working day is a Saturday or Sunday of its year that is not a day off", "调休上班日必须是该年内的周六或周日，且不能是放假日";
    PMore => "{shown} (and {more} more)", "{shown}（另有 {more} 处）";
    PNewer => "saved by a newer version of Preflight (schema {found}; this one reads up to {supported})", "由更新版本的 Preflight 保存（结构版本 {found}；本版本最高支持 {supported}）";
    TypeString => "a string", "字符串";
    TypeNumber => "a number", "数字";
    TypeWholeNumber => "a whole number", "整数";
    TypeObject => "an object", "对象";
    TypeArray => "an array", "数组";
    TypeBoolean => "a boolean", "布尔值";
    TypeText => "a string or an object of languages", "字符串或多语言对象";
    TypeNull => "null", "空值（null）";
    TypeCell => "a cell", "单元格";
    TypeChoiceId => "a choice id string", "选项标识字符串";
    TypeChoiceIds => "an array of choice ids", "选项标识数组";
    TypeQuestionMap => "an object of question ids", "以问题标识为键的对象";
    HolidayNewYear => "New Year's Day", "元旦";
    HolidaySpringFestival => "Spring Festival", "春节";
    HolidayQingming => "Qingming Festival", "清明节";
    HolidayLabourDay => "Labour Day", "劳动节";
    HolidayDragonBoat => "Dragon Boat Festival", "端午节";
    HolidayMidAutumn => "Mid-Autumn Festival", "中秋节";
    HolidayNationalDay => "National Day", "国庆节";
    HolidayClosure => "Closure (config.json)", "休息日（config.json 设定）";
    WorkloadsTitle => "Workloads", "工作负载";
    WorkloadsIntro => "Assess each workload separately. All of them are saved in this browser.", "每个工作负载单独评估，全部保存在本浏览器中。";
    WorkloadsEmpty => "No workloads yet.", "还没有工作负载。";
    NewWorkload => "New workload", "新建工作负载";
    Open => "Open", "打开";
    Rename => "Rename", "重命名";
    Save => "Save", "保存";
    Cancel => "Cancel", "取消";
    Duplicate => "Duplicate", "复制";
    Delete => "Delete", "删除";
    DeleteConfirm => "Delete “{name}” and all its answers from this browser?", "确定从本浏览器中删除“{name}”及其全部答案吗？";
    DeleteYes => "Yes, delete", "确认删除";
    LastChanged => "Last changed {date}", "最后修改于 {date}";
    ProfileTitle => "Workload profile", "工作负载概况";
    ProfileIntro => "Tell the consulting team who you are and what the workload does. Every field is optional and saved as you type.", "向咨询团队介绍您的组织和该工作负载。所有字段均为选填，输入时自动保存。";
    ContactEmail => "Contact e-mail", "联系邮箱";
    Description => "Description", "描述";
    DescriptionHint => "What the workload does, who uses it, and anything the consultants should know.", "工作负载的用途、用户，以及咨询顾问需要了解的其他信息。";
    ToQuestionnaire => "Continue to the questionnaire", "继续填写问卷";
    PillarsNav => "Pillars", "支柱";
    PillarProgress => "{done} of {total} answered", "已答 {done}/{total}";
    QuestionOf => "Question {n} of {total}", "第 {n} 题，共 {total} 题";
    SelectAll => "Select all that apply.", "请选择所有符合的项。";
    NotApplicable => "This question does not apply", "此问题不适用";
    Reason => "Reason", "原因";
    Notes => "Notes", "备注";
    NotesCount => "{n} of {max} characters", "{n}/{max} 字";
    Previous => "Previous: {name}", "上一项：{name}";
    Next => "Next: {name}", "下一项：{name}";
    SeeResults => "See the results", "查看结果";
    PillarNotFound => "There is no such pillar.", "没有这个支柱。";
    ResultsTitle => "Results", "评估结果";
    Overall => "Overall", "总体";
    ScoreRule => "The score is the share of answered questions without risk, a medium risk counting half; not-applicable and unanswered questions are left out.", "得分为已回答问题中无风险问题所占比例（中风险计一半）；不适用和未回答的问题不计入。";
    Answered => "{done} of {total} questions answered or marked not applicable.", "{total} 题中已回答或标记为不适用 {done} 题。";
    ChartTitle => "Risks by pillar", "各支柱风险分布";
    ChartSummary => "{pillar}: {high} high, {medium} medium, {none} no risk, {na} not applicable, {unanswered} unanswered.", "{pillar}：高风险 {high}，中风险 {medium}，无风险 {none}，不适用 {na}，未回答 {unanswered}。";
    Pillar => "Pillar", "支柱";
    ContinueAnswering => "Continue answering", "继续作答";
    LensesTitle => "What to assess", "评估范围";
    LensesIntro => "The Well-Architected review is always included. Add the managed-services readiness assessment if you are considering managed services.", "卓越架构评审始终包含在内。如您正在考虑托管服务，可同时进行托管服务就绪度评估。";
    OptionManagedServices => "Also assess managed-services readiness (24 questions)", "同时评估托管服务就绪度（24 题）";
    LensLoading => "Loading the questions…", "正在加载问题……";
    LensPick => "Load a lens file (an AWS custom lens, or a Preflight lens)", "加载评估模型文件（AWS 自定义评估模型或 Preflight 评估模型）";
    LensPicked => "“{name}” is loaded and assessed for this workload. It is kept in this browser and offered for every workload.", "已加载“{name}”，并用于评估此工作负载。它保存在此浏览器中，可用于所有工作负载。";
    LensAlreadyPicked => "“{name}” was loaded before; it is now assessed for this workload.", "“{name}”此前已加载，现已用于评估此工作负载。";
    LensNotSaved => "“{name}” is loaded, but this browser could not keep it ({error}): it lasts until you close this tab.", "已加载“{name}”，但此浏览器无法保存它（{error}）：关闭此页面后将不再保留。";
    LensRefused => "This file cannot be used as a lens:", "此文件无法用作评估模型：";
    ListedLensFailed => "This lens could not be loaded ({error}). Answers to it are kept.", "无法加载此评估模型（{error}）。已填写的答案仍然保留。";
    LensWithQuestions => "Also assess {name} ({n} questions)", "同时评估“{name}”（{n} 题）";
    LensWarnings => "This lens file has {n} problems that do not stop it from working", "此评估模型文件有 {n} 处问题，但不影响使用";
    LensFailed => "The managed-services questions could not be loaded ({error}). Your answers to them are kept.", "无法加载托管服务问题（{error}）。您已填写的答案仍然保留。";
    PrioritiesTitle => "Pillar priorities", "支柱优先级";
    PrioritiesIntro => "Put the pillars in the order that matters most to you. Risks in your two top-ranked pillars come first in the plan.", "请按对您的重要程度排列支柱。排名前两位的支柱中的风险会在改进计划中优先处理。";
    MoveUp => "Move {name} up", "将“{name}”上移";
    MoveDown => "Move {name} down", "将“{name}”下移";
    RankedAs => "{name} is now number {rank}.", "“{name}”现在排第 {rank} 位。";
    TopRisks => "Highest risks", "最高风险";
    NoRisksYet => "No risks so far — answer some questions first.", "暂无风险——请先回答问题。";
    PlanTitle => "Improvement plan", "改进计划";
    ChoicePlan => "How to improve", "如何改进";
    LearnMore => "Learn more", "了解详情";
    PlanTotals => "{items} improvements, {days} man-days", "{items} 项改进，共 {days} 人天";
    PlanCost => "estimated cost {cost}", "估算费用 {cost}";
    QuickWinsCount => "{n} quick wins", "{n} 项速赢";
    SeePlan => "See the full plan", "查看完整计划";
    PlanIntro => "Every practice missing from a question with a risk, with its priority, effort and cost.", "所有存在风险的问题中缺失的实践，以及各自的优先级、工作量和费用。";
    PriorityRule => "Priority 1 is a high risk in one of your two top-ranked pillars; priority 2 is any other high risk, or a medium risk in those two pillars; priority 3 is every other medium risk. Within a priority, the smallest effort comes first.", "优先级 1：排名前两位的支柱中的高风险；优先级 2：其他高风险，或排名前两位支柱中的中风险；优先级 3：其余中风险。同一优先级内，工作量小的排在前面。";
    QuickWinRule => "A quick win is priority 1 or 2 and takes at most {days} man-days.", "速赢指优先级为 1 或 2、工作量不超过 {days} 人天的改进。";
    RateNote => "Costs at {rate} per man-day, as set by your provider.", "费用按服务商设定的每人天 {rate} 计算。";
    RateNotePillars => "Costs at {rate} per man-day, as set by your provider ({pillars}).", "费用按服务商设定的每人天 {rate} 计算（{pillars}）。";
    NoRate => "Costs appear when your provider sets a day rate; until then the plan is in man-days.", "服务商设置人天单价后将显示费用；在此之前，计划以人天计。";
    DownloadExcel => "Download Excel workbook", "下载 Excel 工作簿";
    PreparingExcel => "Preparing the workbook…", "正在生成工作簿……";
    ExcelReady => "Downloaded {file}.", "已下载 {file}。";
    ExcelFailed => "The workbook could not be made: {error}", "无法生成工作簿：{error}";
    PreparingDocument => "Writing the {title}…", "正在生成{title}……";
    DocumentFailed => "The {title} could not be written: {error}", "无法生成{title}：{error}";
    WordDocuments => "Word documents", "Word 文档";
    ColActions => "Actions", "操作";
    WordDocumentsImported => "Drafts from this bundle, as of its export, in its deliverable language.", "根据此评估包生成的初稿，以导出时为准，使用其交付物语言。";
    WordDocumentsOwn => "Your work as Word documents, in the deliverable language you chose.", "以 Word 文档呈现您的评估，使用您选择的交付物语言。";
    WordDocumentsNone => "Choose services to get a proposal.", "选择服务后即可获得服务建议书。";
    DownloadDocument => "Download {title} (.docx)", "下载{title}（.docx）";
    PrintReport => "Printable report", "可打印报告";
    QuickWinsOnly => "Show quick wins only", "只显示速赢改进";
    PillarTotalsTitle => "By pillar", "按支柱汇总";
    PlanItemsTitle => "What to do", "改进事项";
    PlanEmpty => "Nothing to improve yet: no answered question has a risk.", "暂无需要改进的事项：已回答的问题均无风险。";
    UnknownEffort => "{n} items have no effort estimate and are not in the totals.", "{n} 项没有工作量估算，未计入合计。";
    EffortUnknown => "not estimated", "未估算";
    QuickWins => "Quick wins", "速赢";
    QuickWin => "Quick win", "速赢";
    Yes => "Yes", "是";
    No => "No", "否";
    SheetSummary => "Summary", "摘要";
    SheetPlan => "Improvement plan", "改进计划";
    SheetAnswers => "Answers", "答案";
    ColLens => "Assessment", "评估";
    ColRank => "Rank", "排名";
    ColCost => "Cost", "费用";
    ColDate => "Date", "日期";
    ColNumber => "No.", "序号";
    ColPriority => "Priority", "优先级";
    ColQuestion => "Question", "问题";
    ColPractice => "Practice", "实践";
    ColImprovement => "What to do", "改进措施";
    ColRisk => "Risk", "风险";
    ColRunningCost => "Running cost", "运行成本";
    ColStatus => "Status", "状态";
    ColSelected => "Practices in place", "已具备的实践";
    ColNaReason => "Why not applicable", "不适用原因";
    MilestonesTitle => "Milestones", "里程碑";
    MilestonesIntro => "Save today's answers under a name, then see what changed since — pillar by pillar.", "以名称保存当前答案，之后可按支柱查看变化。";
    MilestoneName => "Milestone name", "里程碑名称";
    MilestoneDate => "Date", "日期";
    SaveMilestone => "Save milestone", "保存里程碑";
    MilestoneNameRequired => "Give the milestone a name.", "请填写里程碑名称。";
    MilestoneDateInvalid => "Enter a date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式填写日期。";
    MilestoneSaved => "Milestone “{name}” saved.", "已保存里程碑“{name}”。";
    MilestonesEmpty => "No milestones yet.", "还没有里程碑。";
    Compare => "Compare with now", "与当前对比";
    CompareTitle => "“{name}” ({date}) compared with now", "“{name}”（{date}）与当前对比";
    CompareNote => "Scores then and now per pillar, and the questions whose risk went down (improved) or up (regressed).", "各支柱当时与现在的得分，以及风险降低（改善）或升高（恶化）的问题。";
    ColThen => "Then", "当时";
    ColNow => "Now", "现在";
    ColChange => "Change", "变化";
    Improved => "Improved", "改善";
    Regressed => "Regressed", "恶化";
    ServicesTitle => "Services", "服务选择";
    ServicesIntro => "Choose what to buy. Each service shows what it includes and excludes, what must be ready before it starts, who does what, and what is delivered and accepted.", "选择需要购买的服务。每项服务都列出包含与不包含的内容、开始前需要准备的事项、各方职责，以及交付和验收方式。";
    SuggestionsTitle => "Suggested from your answers", "根据您的答案推荐";
    SuggestionsIntro => "Based on the risks found so far. You decide.", "基于目前发现的风险，最终由您决定。";
    SuggestConsultingOpen => "{n} questions are still open; the consultants complete the assessment and turn it into prioritised, costed recommendations.", "还有 {n} 个问题未回答；咨询顾问会完成评估，并给出带优先级和费用评估的改进建议。";
    SuggestConsultingRisks => "the consultants turn the risks found into prioritised, costed recommendations.", "咨询顾问会将发现的风险转化为带优先级和费用评估的改进建议。";
    Add => "Add", "添加";
    SuggestPackage => "{high} high risks; {days} man-days of priority 1–2 improvements", "{high} 个高风险；优先级 1–2 的改进共 {days} 人天";
    ChooseConsulting => "Choose Well-Architected Consulting", "选择卓越架构咨询服务";
    OnsiteDays => "On-site assessment (man-days, 0–2)", "现场评估（人天，0–2）";
    ImplementationOnsiteDays => "On-site visit (man-days, 0–2)", "现场服务（人天，0–2）";
    DeliverableLanguage => "Deliverable language", "交付物语言";
    DeliverableLanguageFixed => "Deliverables and work records in English, as the service description requires.", "按服务说明要求，交付物及工作记录使用英文。";
    LanguageNotChosen => "Choose…", "请选择……";
    LanguageEnglish => "English", "英文";
    LanguageChinese => "Chinese", "中文";
    SuggestModule => "{high} high risks in the managed-services assessment", "托管服务评估中有 {high} 个高风险";
    PackageDays => "Man-days", "人天";
    PackageFocus => "Investigation focus:", "调研重点：";
    PackageDesign => "Example solution design:", "方案设计示例：";
    Consultants => "Consultants on implementation", "实施顾问人数";
    NothingChosen => "No service chosen yet.", "尚未选择任何服务。";
    CautionNoRecommendations => "{pillar}: implementation builds on improvement recommendations for this pillar that already exist, and this assessment has none for it. Add consulting, answer the pillar's questions, or confirm an earlier consulting report in the implementation checklist.", "{pillar}：实施服务基于该支柱已有的改进建议，而本评估尚无该支柱的改进建议。请添加咨询服务、回答该支柱的问题，或在实施服务的准备清单中确认已有的咨询报告。";
    CautionLanguage => "{service}: choose the language of its deliverables.", "{service}：请选择交付物语言。";
    CautionExclusions => "{service}: please read and acknowledge what is not included.", "{service}：请阅读并确认不包含的内容。";
    CautionPrerequisites => "{service}: {n} items to prepare before the start.", "{service}：开始前还有 {n} 项需要准备。";
    ChoiceStatus => "Before you go on", "继续之前";
    SeeSchedule => "See the schedule", "查看排期";
    SupportTitle => "Support and working terms", "支持与工作方式";
    SupportTerms => "Support", "支持";
    SupportHours => "Service hours", "服务时间";
    SupportChannels => "Channels", "沟通渠道";
    SupportLanguages => "Languages and documents", "语言与文档";
    SupportLeadTime => "Lead time", "提前申请";
    IncludedExcluded => "What is included and what is not", "包含与不包含的内容";
    Included => "Included", "包含";
    Excluded => "Not included", "不包含";
    AcknowledgeExclusions => "I have read what is not included", "我已阅读不包含的内容";
    Prerequisites => "Before the start: checklist", "开始前：准备清单";
    Raci => "Who does what (RACI)", "职责分工（RACI）";
    RaciLegend => "R Responsible · A Accountable · S Support · C Consulted · I Informed", "R 负责 · A 批准 · S 支持 · C 咨询 · I 知会";
    ColPhase => "Phase", "阶段";
    ColTask => "Task", "任务";
    ColDetails => "Details", "说明";
    Customer => "Customer", "客户";
    Provider => "Provider", "服务商";
    DeliverablesAcceptance => "Deliverables and acceptance", "交付物与验收";
    Deliverables => "Deliverables", "交付物";
    AcceptancePlan => "Acceptance plan", "验收计划";
    ColMilestone => "Milestone", "里程碑";
    ColContent => "Content", "内容";
    ColIndicator => "Completed when", "完成标志";
    ServiceLevel => "Service level and responsibilities", "服务级别与职责";
    CustomerDuties => "The customer", "客户职责";
    ProviderDuties => "The provider", "服务商职责";
    ScheduleTitle => "Schedule", "排期";
    ProviderToday => "Today for the provider (UTC+8): {date}.", "服务商当前日期（UTC+8）：{date}。";
    AsOfExport => "Dates as of {date}, the day this bundle was exported (provider's date, UTC+8), as the customer saw them.", "日期按本评估包的导出日 {date}（服务商日期，UTC+8）计算，与客户当时看到的一致。";
    ServiceHoursFixed => "Service hours: 09:00–18:00 UTC+8, Monday to Friday, except mainland China's national holidays; officially worked weekend days are working days.", "服务时间：UTC+8 周一至周五 09:00–18:00，中国大陆法定节假日除外；官方调休上班的周末为工作日。";
    ServiceHoursLocal => "In your time zone ({tz}) that is {from}–{to}{shift}.", "在您的时区（{tz}）为 {from}–{to}{shift}。";
    DayBefore => " (starting the day before)", "（从前一天开始）";
    DayAfter => " (starting the day after)", "（从后一天开始）";
    OverlapIs => "Overlap with your 09:00–18:00: {from}–{to}.", "与您的 09:00–18:00 重叠：{from}–{to}。";
    NoOverlap => "It does not overlap with your 09:00–18:00.", "与您的 09:00–18:00 没有重叠。";
    PreferredStart => "Preferred start (optional)", "期望开始日期（选填）";
    PreferredStartHint => "A date before the earliest possible start is moved to it; a non-working day to the next working day.", "早于最早可开始日期的日期会顺延至最早日期；非工作日会顺延至下一个工作日。";
    DownloadIcs => "Add to calendar (.ics)", "加入日历（.ics）";
    DownloadMspdi => "Download for Microsoft Project (.xml)", "下载 Microsoft Project 文件（.xml）";
    ChooseServicesFirst => "Choose services first: the schedule follows from them.", "请先选择服务，排期将据此生成。";
    ScheduleTooFar => "This schedule reaches beyond the years the provider's holiday calendar covers ({first} to {last}). Choose an earlier start.", "该排期超出了服务商节假日日历覆盖的年份（{first} 至 {last} 年），请选择更早的开始日期。";
    TimelineTitle => "Timeline", "时间线";
    LeadTime => "Apply at least {days} working days before ordering: the earliest order date is {date}.", "需至少提前 {days} 个工作日申请：最早下单日期为 {date}。";
    LargeEngagement => "This engagement is large ({days} man-days), so applying one month ahead is recommended: order on or after {date}.", "本次项目规模较大（{days} 人天），建议提前一个月申请：在 {date} 或之后下单。";
    OrderOn => "Plan the order on", "计划下单日期";
    OrderRecommended => "the recommended date, {date} (one month ahead)", "建议日期 {date}（提前一个月）";
    OrderEarliest => "the earliest date, {date} (the lead time only)", "最早日期 {date}（仅满足提前申请时间）";
    QuoteTitle => "Quote", "报价";
    QuoteEstimate => "This is an estimate, not an offer: the provider confirms scope and prices in its quotation.", "此为估算，并非要约：范围和价格以服务商的正式报价为准。";
    QuoteValidUntil => "Estimate valid until {date}.", "估算有效期至 {date}。";
    QuoteNoPrices => "No prices are configured, so the quote shows man-days only.", "未配置价格，报价仅显示人天。";
    QuoteNothing => "Choose services to see their quote.", "选择服务后即可查看报价。";
    ColItem => "Item", "项目";
    ColManDays => "Man-days", "人天";
    ColDayRate => "Day rate", "人天单价";
    ColAmount => "Amount", "金额";
    ColNote => "Note", "备注";
    SheetQuote => "Quote", "报价";
    QuoteSubtotal => "Subtotal", "小计";
    QuoteTotal => "Total", "合计";
    QuoteOnRequest => "{n} items are priced on request and are not in the total.", "{n} 项需另行报价，未计入合计。";
    QuotePackageDays => "within the service's man-days", "包含在服务人天内";
    ProvisionalWarning => "Some dates fall in a year whose official holiday arrangement is not published yet. They are provisional, computed from the statutory holidays, and may move.", "部分日期所在年份的官方放假安排尚未发布。这些日期依据法定节假日推算，属于暂定，可能调整。";
    PhaseConsulting => "Well-Architected Consulting", "卓越架构咨询";
    PhaseImplementation => "Well-Architected Implementation", "卓越架构实施";
    PhaseManaged => "Managed services", "托管服务";
    ProjectCalendarName => "Provider working time (UTC+8, 09:00–18:00)", "服务商工作时间（UTC+8，09:00–18:00）";
    ProvisionalNote => "Provisional: the official holiday arrangement for this year is not published yet.", "暂定：该年度官方放假安排尚未发布。";
    ColEvent => "Event", "事项";
    ColDateUtc8 => "Date (UTC+8)", "日期（UTC+8）";
    ColYourTime => "Service hours in your time", "您时区的服务时间";
    WorkspaceTitle => "Consultant workspace", "顾问工作台";
    WorkspaceIntro => "Import the bundles customers export. Every file is checked and never trusted; imported bundles stay in this browser, apart from your own workloads, and open read-only.", "导入客户导出的评估包。每个文件都会经过严格校验，其内容一律按不可信数据处理；导入的评估包保存在本浏览器中，与您自己的工作负载分开存放，并以只读方式打开。";
    ChooseBundles => "Choose bundle files", "选择评估包文件";
    OrDrop => "…or drop them anywhere in this box.", "……或直接拖放到此区域。";
    Importing => "Importing {done} of {total} files…", "正在导入第 {done}/{total} 个文件……";
    ExportCsv => "Export summary (CSV)", "导出汇总（CSV）";
    ExportXlsx => "Export summary (Excel)", "导出汇总（Excel）";
    ImportedTitle => "Imported bundles ({n})", "已导入的评估包（{n}）";
    NoImports => "No bundles imported yet.", "尚未导入任何评估包。";
    SessionOnlyImports => "Kept for this session only ({n}): the browser storage set aside for imports (2 million characters) is full or unavailable. Your own assessments are not affected; import these files again next time, or remove bundles you no longer need.", "仅在本次会话中保留（{n} 个）：浏览器中为导入预留的存储空间（200 万字符）已满或不可用。您自己的评估不受影响；下次请重新导入这些文件，或移除不再需要的评估包。";
    SelectForCompare => "Compare {name}", "对比 {name}";
    Remove => "Remove", "移除";
    ColCompare => "Compare", "对比";
    ColBundle => "Customer and workload", "客户与工作负载";
    RefusedTitle => "Files refused", "被拒绝的文件";
    RefusedIntro => "These files were not imported. Nothing in this browser was changed.", "以下文件未被导入，本浏览器中的数据未做任何更改。";
    MoreProblems => "…and {n} more problems.", "……另有 {n} 个问题。";
    CompareBundles => "Comparison", "对比";
    CompareBundlesNote => "Score per pillar, with its number of high risks, recomputed from each bundle's answers.", "各支柱得分及高风险数量，均根据各评估包的答案重新计算。";
    HighCount => "{n} high", "高风险 {n}";
    ExportBundle => "Export for the consultant", "导出给顾问";
    ExportBundleHint => "One JSON file with everything you entered, to send to the consulting team.", "导出一个 JSON 文件，包含您填写的全部内容，可发送给咨询团队。";
    PrintButton => "Print or save as PDF", "打印或另存为 PDF";
    SeeProposal => "Open the proposal", "打开服务建议书";
    ProposalIntro => "The services chosen for this workload: why, what each includes and excludes, what must be ready, when it happens and what it costs. Print it or save it as PDF for procurement.", "为该工作负载选择的服务：选择原因、各项服务包含与不包含的内容、需要准备的事项、时间安排和费用。可打印或另存为 PDF，供采购使用。";
    ProposalNothing => "No services are chosen yet: choose them first.", "尚未选择任何服务，请先选择服务。";
    ProposalWhy => "Why", "选择原因";
    ProposalConsultingWhy => "The assessment so far: {high} high and {medium} medium risks, {open} questions still open. Consulting turns them into prioritised, costed recommendations.", "目前的评估结果：{high} 个高风险、{medium} 个中风险，尚有 {open} 个问题未回答。咨询服务会据此给出带优先级和费用评估的改进建议。";
    ProposalNoRisks => "No high or medium risk is recorded for it in the assessment.", "评估中尚未记录与之相关的高风险或中风险。";
    ProposalOnsite => "On-site man-days: {n}", "现场人天：{n}";
    ProposalLanguage => "Deliverable language: {language}", "交付物语言：{language}";
    ProposalLanguageOpen => "not chosen yet", "尚未选择";
    ProposalAcknowledged => "The customer has read and acknowledged what is not included.", "客户已阅读并确认不包含的内容。";
    ProposalNotAcknowledged => "What is not included is not acknowledged yet.", "尚未确认不包含的内容。";
    ProposalOpenPrerequisites => "Still to prepare before the start", "开始前仍需准备";
    ProposalAllReady => "Every item of the checklist is ready.", "准备清单中的所有事项均已就绪。";
    ReportDate => "Prepared on", "生成日期";
    ReportExportedOn => "Exported by the customer on", "客户导出日期";
    ReportResults => "{lens}: results", "{lens}：评估结果";
    ReportAnswers => "{lens}: answers", "{lens}：答题详情";
    PLensFileChanged => "the lens file does not match its SHA-256", "评估模型文件与其 SHA-256 不符";
    CliNotUtf8 => "not UTF-8 text", "不是 UTF-8 文本";
    CliLensWarnings => "usable, with {n} warnings (--strict makes them fail the check)", "可以使用，有 {n} 条警告（加 --strict 时警告也视为不通过）";
    CliLensWarningsStrict => "{n} warnings, which fail the check with --strict", "有 {n} 条警告，使用 --strict 时视为不通过";
    CliValidLens => "valid {format} \"{name}\" (id {id}, version {version}): {pillars} pillars, {questions} questions, {choices} choices", "有效的 {format}“{name}”（标识 {id}，版本 {version}）：{pillars} 个支柱，{questions} 个问题，{choices} 个选项";
    CliChecksum => "$.sha256: the content does not match its checksum: changed or damaged after export", "$.sha256: 内容与校验值不符：导出后被更改或损坏";

}

/// A workload's name as shown and printed: its own, or "Untitled workload".
pub fn display_name(w: &Workload, lang: Lang) -> String {
    let name = w.profile.workload.trim();
    if name.is_empty() {
        Msg::Untitled.text(lang).to_owned()
    } else {
        name.to_owned()
    }
}

/// A workload's title in files and documents: `organisation · workload`, or the workload alone.
pub fn workload_title(w: &Workload, lang: Lang) -> String {
    let name = display_name(w, lang);
    let org = w.profile.organisation.trim();
    if org.is_empty() {
        name
    } else {
        format!("{org} · {name}")
    }
}

/// A storage failure in `lang` (the browser's own message is not repeated).
pub fn store_error_text(error: &StoreError, lang: Lang) -> &'static str {
    match error {
        StoreError::Unavailable(_) => Msg::StoreUnavailable.text(lang),
        StoreError::Full => Msg::StoreFull.text(lang),
        StoreError::Failed(_) => Msg::StoreFailed.text(lang),
    }
}

impl Msg {
    /// The message in `lang` with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        // One pass over the template, so that a value that itself contains `{name}` (a
        // customer's organisation name, say) is never substituted again.
        let template = self.text(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}').and_then(|close| {
                Some((close, values.iter().find(|(n, _)| *n == &after[..close])?))
            }) {
                Some((close, (_, value))) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate::{Issue, Kind, Problem};

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn values_are_filled_in_once() {
        let line = Msg::CliValidBundle.fill(
            Lang::En,
            &[
                ("organisation", "{workload}"),
                ("workload", "Shop"),
                ("time", "2026-11-21T02:00:00Z"),
            ],
        );
        assert_eq!(
            line,
            "valid bundle of {workload} / Shop, exported 2026-11-21T02:00:00Z"
        );
    }

    #[test]
    fn every_message_has_text_and_the_same_placeholders_in_both_languages() {
        for msg in Msg::ALL {
            let (en, zh) = (msg.text(Lang::En), msg.text(Lang::ZhCn));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{msg:?}");
            assert_eq!(placeholders(en), placeholders(zh), "{msg:?}");
        }
    }

    #[test]
    fn every_message_has_its_own_texts_in_both_tables() {
        // `text` looks a message up by its place: the two tables must follow the enum.
        assert_eq!(Msg::ALL.len(), MAIN_TEXTS.len() + PAGE_TEXTS.len());
        for (i, msg) in Msg::ALL.iter().enumerate() {
            assert_eq!(*msg as usize, i);
            for lang in [Lang::En, Lang::ZhCn] {
                assert!(!msg.text(lang).is_empty(), "{msg:?}");
            }
        }
        assert_eq!(Msg::AppName.text(Lang::En), "Preflight");
        assert_eq!(Msg::ProposalTitle.text(Lang::ZhCn), "服务建议书");
        assert_eq!(Msg::ColActions.text(Lang::ZhCn), "操作");
    }

    #[test]
    fn chinese_strings_are_chinese() {
        // Catches a message pasted twice in English. Brand names, short codes and patterns made
        // of placeholders and punctuation only are exempt.
        let exempt = [
            Msg::AppName,
            Msg::SwitchLanguage,
            Msg::OtherLanguageShort,
            Msg::QuoteTaxNamed,
            Msg::DocRiskLine,
        ];
        for msg in Msg::ALL.iter().filter(|m| !exempt.contains(m)) {
            let zh = msg.text(Lang::ZhCn);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{msg:?}: {zh}"
            );
        }
    }

    #[test]
    fn problems_are_said_in_both_languages_without_the_parsers_english() {
        use crate::domain::validate::{JsonPath, parse_json};
        let issue = parse_json("{", 10).unwrap_err();
        assert_eq!(
            issue_text(&issue, Lang::En),
            "$: not valid JSON at line 1, column 1: the text ends before the JSON does"
        );
        assert_eq!(
            issue_text(&issue, Lang::ZhCn),
            "$: 第 1 行第 1 列不是有效的 JSON（JSON 尚未结束，文本就已结束）"
        );
        let issue = parse_json("[1,]", 10).unwrap_err();
        assert_eq!(
            issue_text(&issue, Lang::ZhCn),
            "$: 第 1 行第 4 列不是有效的 JSON（右括号前多了逗号）"
        );
        let path = JsonPath::root().key("profile").key("organisation");
        let issue = Issue {
            path,
            problem: Problem::WrongType {
                expected: Kind::String,
                found: Kind::Number,
            },
        };
        assert_eq!(
            issue_text(&issue, Lang::ZhCn),
            "$.profile.organisation: 类型错误：应为字符串，实际为数字"
        );
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            Msg::Progress.fill(Lang::En, &[("done", "3"), ("total", "35")]),
            "3 of 35 questions answered"
        );
        assert_eq!(
            Msg::CopySuffix.fill(Lang::ZhCn, &[("name", "商城")]),
            "商城（副本）"
        );
    }
}
