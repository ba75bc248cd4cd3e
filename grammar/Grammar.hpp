// The rule language as PEGTL rules, and nothing else: actions live in Parser.cpp, messages in
// Errors below. Every token swallows the whitespace and comments after it. Rules whose name starts
// with `expect_` are commit points: failing there raises a parse error with a message in the
// user's terms (see the Errors table at the end). They are wrapped in `must<>` where used: PEGTL
// 3.2.7's parse-tree control does not report the failure of an unselected rule to must_if.
#pragma once
#include <tao/pegtl.hpp>

namespace ereje::grammar {
namespace pegtl = tao::pegtl;
using namespace pegtl;  // NOLINT: the grammar reads as a grammar

// ---- lexical ----
struct comment : seq<two<'/'>, until<eolf>> {};
struct ws : star<sor<one<' ', '\t', '\r', '\n'>, comment>> {};
template <typename R> struct tok : seq<R, ws> {};

// Identifiers: Latin, digits, underscore and the whole Cyrillic block (Kazakh letters included).
struct ident_first : sor<ranges<'a', 'z', 'A', 'Z', '_'>, utf8::range<0x0400, 0x04FF>> {};
struct ident_other : sor<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>, utf8::range<0x0400, 0x04FF>> {};
template <typename S> struct kw : seq<S, not_at<ident_other>, ws> {};

#define EREJE_KW(name, text) struct kw_##name : kw<TAO_PEGTL_STRING(text)> {}
EREJE_KW(act, "act"); EREJE_KW(in_force, "in_force"); EREJE_KW(amends, "amends");
EREJE_KW(clause, "clause"); EREJE_KW(title, "title"); EREJE_KW(replaces, "replaces");
EREJE_KW(repeals, "repeals"); EREJE_KW(evidence, "evidence"); EREJE_KW(text, "text");
EREJE_KW(let, "let"); EREJE_KW(coefficient, "coefficient"); EREJE_KW(result, "result");
EREJE_KW(range, "range"); EREJE_KW(round, "round"); EREJE_KW(obligation, "obligation");
EREJE_KW(over, "over"); EREJE_KW(breach, "breach"); EREJE_KW(when, "when"); EREJE_KW(test, "test");
EREJE_KW(expect, "expect"); EREJE_KW(end, "end"); EREJE_KW(where, "where"); EREJE_KW(of, "of");
EREJE_KW(not, "not"); EREJE_KW(and, "and"); EREJE_KW(or, "or"); EREJE_KW(if, "if");
EREJE_KW(then, "then"); EREJE_KW(else, "else"); EREJE_KW(in, "in"); EREJE_KW(true, "true");
EREJE_KW(false, "false"); EREJE_KW(function, "function"); EREJE_KW(as_of, "as_of");
EREJE_KW(rows, "rows"); EREJE_KW(row, "row"); EREJE_KW(out_of_range, "out_of_range");
EREJE_KW(count, "count"); EREJE_KW(sum, "sum"); EREJE_KW(min, "min"); EREJE_KW(max, "max");
EREJE_KW(avg, "avg"); EREJE_KW(single, "single");
// Data contracts (docs/language.md, "Data contracts"): words that start a table's items. None is
// reserved: outside a table block each stays usable as a name (a column may be called `key`).
EREJE_KW(table, "table"); EREJE_KW(extend, "extend"); EREJE_KW(part, "part"); EREJE_KW(column, "column");
EREJE_KW(key, "key"); EREJE_KW(lists, "lists"); EREJE_KW(bodies, "bodies"); EREJE_KW(by, "by");
EREJE_KW(per, "per"); EREJE_KW(body, "body"); EREJE_KW(names, "names"); EREJE_KW(category, "category");
EREJE_KW(derived, "derived"); EREJE_KW(reference, "reference"); EREJE_KW(to, "to"); EREJE_KW(same, "same");
EREJE_KW(invariant, "invariant"); EREJE_KW(for, "for"); EREJE_KW(error, "error"); EREJE_KW(warning, "warning");
EREJE_KW(optional, "optional"); EREJE_KW(empty, "empty");
// Composition (docs/language.md, "Clauses that build on clauses"): none is reserved either.
EREJE_KW(total, "total"); EREJE_KW(deduct, "deduct"); EREJE_KW(weight, "weight"); EREJE_KW(as, "as");
EREJE_KW(renormalise, "renormalise"); EREJE_KW(rank, "rank"); EREJE_KW(highest, "highest");
EREJE_KW(lowest, "lowest"); EREJE_KW(first, "first"); EREJE_KW(within, "within"); EREJE_KW(ties, "ties");
EREJE_KW(shared, "shared"); EREJE_KW(dense, "dense"); EREJE_KW(unranked, "unranked"); EREJE_KW(last, "last");
EREJE_KW(grade, "grade"); EREJE_KW(band, "band"); EREJE_KW(from, "from"); EREJE_KW(otherwise, "otherwise");
EREJE_KW(t_text, "text"); EREJE_KW(t_enum, "enum"); EREJE_KW(t_bool, "bool"); EREJE_KW(t_date, "date");
EREJE_KW(t_whole, "whole"); EREJE_KW(t_decimal, "decimal");
// Amending one item of a clause (docs/language.md, "Amending one item"): not reserved either.
EREJE_KW(replace, "replace"); EREJE_KW(with, "with");
#undef EREJE_KW

// Words that can never be names: they would make expressions ambiguous.
struct reserved : seq<sor<TAO_PEGTL_STRING("and"), TAO_PEGTL_STRING("or"), TAO_PEGTL_STRING("not"),
                          TAO_PEGTL_STRING("if"), TAO_PEGTL_STRING("then"), TAO_PEGTL_STRING("else"),
                          TAO_PEGTL_STRING("where"), TAO_PEGTL_STRING("of"), TAO_PEGTL_STRING("in"),
                          TAO_PEGTL_STRING("true"), TAO_PEGTL_STRING("false"), TAO_PEGTL_STRING("end")>,
                      not_at<ident_other>> {};
struct identifier : seq<not_at<reserved>, ident_first, star<ident_other>> {};
struct name : tok<identifier> {};

struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct number_lit : seq<plus<digit>, opt<one<'.'>, plus<digit>>, not_at<ident_other>> {};
struct escape : seq<one<'\\'>, one<'"', '\\', 'n', 't'>> {};
struct string_char : sor<escape, seq<not_one<'"', '\\', '\n', '\r'>>> {};
struct string_body : seq<star<string_char>> {};
struct expect_string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, string_body, must<expect_string_close>> {};
// Adjacent strings concatenate, so long legal text can be split over lines.
struct string_tok : seq<string_lit, ws> {};
struct text_value : plus<string_tok> {};
struct date_tok : tok<date_lit> {};
struct number_tok : tok<number_lit> {};
// One number, one clause: `049` would be a second name for clause 49, so a part of a clause number
// never starts with 0 (but 0 itself).
struct no_leading_zero : not_at<one<'0'>, digit> {};
struct clause_number : seq<must<no_leading_zero>, plus<digit>, opt<one<'-'>, must<no_leading_zero>, plus<digit>>,
                           not_at<ident_other>> {};
struct clause_number_tok : tok<clause_number> {};
struct na_lit : tok<seq<TAO_PEGTL_STRING("n/a")>> {};
struct expect_na;

// ---- expressions ----
struct expr;
struct unary;
struct product;
struct sum_expr;
struct negation;
struct conjunction;
struct expect_operand_unary;
struct expect_operand_product;
struct expect_operand_sum;
struct expect_expr_sum;
struct expect_negation;
struct expect_conjunction;
struct expect_expr : seq<expr> {};
struct na_lit;
struct expect_na;
struct expect_clause_number;
struct expect_close_paren : tok<one<')'>> {};
struct expect_close_bracket : tok<one<']'>> {};
struct expect_then : seq<kw_then> {};
struct expect_else : seq<kw_else> {};
struct expect_table : seq<name> {};

struct paren : seq<tok<one<'('>>, must<expect_expr>, must<expect_close_paren>> {};
struct call_args : opt<expr, star<tok<one<','>>, must<expect_expr>>> {};
struct call : seq<name, tok<one<'('>>, call_args, must<expect_close_paren>> {};
struct if_expr : seq<kw_if, must<expect_expr>, must<expect_then>, must<expect_expr>, must<expect_else>, must<expect_expr>> {};
struct agg_kind : sor<kw_count, kw_sum, seq<kw_min, not_at<one<'('>>>, seq<kw_max, not_at<one<'('>>>, kw_avg, kw_single> {};
struct agg_of : seq<kw_of, must<expect_expr>> {};
struct agg_where : seq<kw_where, must<expect_expr>> {};
struct aggregate : seq<agg_kind, must<expect_table>, opt<agg_of>, opt<agg_where>> {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct name_ref : name {};
struct not_on_file_lit : kw<TAO_PEGTL_STRING("not_on_file")> {};
// `T of clause 49`: a result of another clause.
struct clause_ref : seq<name, kw_of, kw_clause, must<expect_clause_number>> {};
// `total of T of clause 49 weight 3, deduct P of clause 114 or 0 when n/a renormalise`
struct part_deduct : kw_deduct {};
struct part_weight : seq<kw_weight, must<expect_expr_sum>> {};
struct part_fallback : seq<kw_or, must<expect_expr_sum>> {};
struct total_part : seq<opt<part_deduct>, must<expect_expr_sum>, opt<part_weight>, opt<part_fallback>> {};
struct policy_renormalise : kw_renormalise {};
struct policy_total_na : seq<kw_total, must<expect_na>> {};
struct policy_as : seq<kw_as, must<expect_expr_sum>> {};
struct expect_na_policy : sor<policy_renormalise, policy_total_na, policy_as> {};
struct na_policy : seq<kw_when, must<expect_na>, must<expect_na_policy>> {};
struct total_expr : seq<kw_total, kw_of, must<total_part>, star<tok<one<','>>, must<total_part>>, opt<na_policy>> {};
struct primary : sor<paren, if_expr, aggregate, total_expr, date_tok, number_tok, string_tok, true_lit, false_lit, not_on_file_lit,
                     clause_ref, call, name_ref> {};
struct expect_operand : seq<primary> {};

struct op_not : kw_not {};
struct op_neg : tok<one<'-'>> {};
struct unary : sor<seq<op_neg, must<expect_operand>>, primary> {};

struct op_mul : tok<one<'*'>> {};
struct op_div : tok<one<'/'>> {};
struct product : seq<unary, star<sor<op_mul, op_div>, must<expect_operand_unary>>> {};
struct op_add : tok<one<'+'>> {};
struct op_sub : tok<one<'-'>> {};
struct sum_expr : seq<product, star<sor<op_add, op_sub>, must<expect_operand_product>>> {};
struct op_le : tok<TAO_PEGTL_STRING("<=")> {};
struct op_ge : tok<TAO_PEGTL_STRING(">=")> {};
struct op_ne : tok<TAO_PEGTL_STRING("!=")> {};
struct op_lt : tok<one<'<'>> {};
struct op_gt : tok<one<'>'>> {};
struct op_eq : tok<one<'='>> {};
struct in_list : seq<kw_in, tok<one<'['>>, opt<expr, star<tok<one<','>>, must<expect_expr>>>, must<expect_close_bracket>> {};
struct comparison : seq<sum_expr, opt<sor<seq<sor<op_le, op_ge, op_ne, op_lt, op_gt, op_eq>, must<expect_operand_sum>>, in_list>>> {};
struct negation : sor<seq<op_not, must<expect_negation>>, comparison> {};
struct conjunction : seq<negation, star<kw_and, must<expect_negation>>> {};
struct disjunction : seq<conjunction, star<kw_or, must<expect_conjunction>>> {};
struct expr : seq<disjunction> {};  // a wrapper, not the rule itself: the parse tree folds `disjunction`

// ---- clause body ----
struct lang : tok<sor<TAO_PEGTL_STRING("kk"), TAO_PEGTL_STRING("ru"), TAO_PEGTL_STRING("en")>> {};
struct expect_lang : seq<lang> {};
struct expect_text : seq<text_value> {};
struct description : text_value {};
struct expect_name : seq<name> {};
struct expect_eq : tok<one<'='>> {};
// A date typed another way (`01.01.2025`, `2025/1/1`, `2025-1-1`): read as one token so that the
// parser says which date it is (`bad-date`, "write 2025-01-01") instead of a syntax error there and
// errors that follow from it.
struct loose_date : seq<plus<digit>, one<'.', '/', '-'>, plus<digit>, one<'.', '/', '-'>, plus<digit>, not_at<ident_other>> {};
struct expect_date : sor<date_tok, tok<loose_date>> {};
struct expect_clause_number : seq<clause_number_tok> {};
struct expect_na : seq<na_lit> {};
struct expect_int : seq<number_tok> {};
struct expect_dots : tok<two<'.'>> {};

struct title_stmt : seq<kw_title, must<expect_lang>, must<expect_text>> {};
struct expect_with : seq<kw_with> {};
// `text ru replace "цифру «5»" with "цифру «6»"`: words of the inherited legal text changed.
struct text_edit : seq<kw_replace, must<expect_text>, must<expect_with>, must<expect_text>> {};
struct text_stmt : seq<kw_text, must<expect_lang>, sor<text_edit, must<expect_text>>> {};
struct replaces_stmt : seq<kw_replaces, must<expect_clause_number>> {};
struct amends_stmt : seq<kw_amends, must<expect_clause_number>> {};
struct in_force_stmt : seq<kw_in_force, must<expect_date>, opt<description>> {};
struct evidence_subject : tok<sor<TAO_PEGTL_STRING("text"), TAO_PEGTL_STRING("variables"), TAO_PEGTL_STRING("formula")>> {};
struct evidence_level : tok<sor<TAO_PEGTL_STRING("official"), TAO_PEGTL_STRING("seed"), TAO_PEGTL_STRING("reconstructed"), TAO_PEGTL_STRING("not_on_file")>> {};
struct expect_evidence_subject : seq<evidence_subject> {};
struct expect_evidence_level : seq<evidence_level> {};
struct evidence_item : seq<must<expect_evidence_subject>, must<expect_evidence_level>> {};
struct evidence_stmt : seq<kw_evidence, evidence_item, star<tok<one<','>>, evidence_item>> {};
struct lang_description;  // `kk "…"`, `ru "…"` after a description: the same in another language
struct let_stmt : seq<kw_let, must<expect_name>, must<expect_eq>, must<expect_expr>, opt<description>, star<lang_description>> {};
struct coefficient_stmt : seq<kw_coefficient, must<expect_name>, must<expect_eq>, must<expect_expr>, opt<description>, star<lang_description>> {};
struct range_clause : seq<kw_range, must<expect_expr_sum>, must<expect_dots>, must<expect_expr_sum>> {};
struct round_clause : seq<kw_round, must<expect_int>> {};
// `result C range 0..6`, `result C round 1`: in an amending clause, the range or rounding of an
// inherited result changed, its formula kept.
struct result_change : sor<seq<range_clause, opt<round_clause>>, round_clause> {};
struct result_formula : seq<tok<one<'='>>, must<expect_expr>, opt<range_clause>, opt<round_clause>> {};
struct expect_result_body : sor<result_formula, result_change> {};
struct result_stmt : seq<kw_result, must<expect_name>, must<expect_result_body>, opt<description>, star<lang_description>> {};
struct expect_over : seq<kw_over> {};
struct expect_breach_when : seq<kw_breach, kw_when> {};
// `rank R = B highest first within category ties shared n/a unranked out_of_range last "…"`
struct expect_first : seq<kw_first> {};
struct rank_highest : seq<kw_highest, must<expect_first>> {};
struct rank_lowest : seq<kw_lowest, must<expect_first>> {};
struct rank_within : seq<kw_within, must<expect_name>> {};
struct ties_shared : kw_shared {};
struct ties_dense : kw_dense {};
struct expect_ties : sor<ties_shared, ties_dense> {};
struct rank_ties : seq<kw_ties, must<expect_ties>> {};
struct place_unranked : kw_unranked {};
struct place_last : kw_last {};
struct expect_placement : sor<place_unranked, place_last> {};
struct rank_na : seq<na_lit, must<expect_placement>> {};
struct rank_out_of_range : seq<kw_out_of_range, must<expect_placement>> {};
struct rank_option : sor<rank_highest, rank_lowest, rank_within, rank_ties, rank_na, rank_out_of_range> {};
struct rank_stmt : seq<kw_rank, must<expect_name>, must<expect_eq>, must<expect_expr_sum>, star<rank_option>, opt<description>, star<lang_description>> {};
// `grade G = B "…"` then `band high from 80 "high" kk "…" ru "…"`, …, `band low otherwise "low" …`
struct lang_description;
struct band_from : seq<kw_from, must<expect_expr_sum>> {};
struct band_otherwise : kw_otherwise {};
struct expect_band_bound : sor<band_from, band_otherwise> {};
struct band_stmt : seq<kw_band, must<expect_name>, must<expect_band_bound>, opt<description>, star<lang_description>> {};
struct grade_stmt : seq<kw_grade, must<expect_name>, must<expect_eq>, must<expect_expr_sum>, opt<description>, star<lang_description>, star<band_stmt>> {};
struct obligation_stmt : seq<kw_obligation, must<expect_name>, must<expect_over>, must<expect_table>, must<expect_breach_when>, must<expect_expr>, opt<description>, star<lang_description>> {};

// Tests: `T: 20 rows status = open and urgent = true, 5 rows status = done`
struct assignment : seq<name, tok<one<'='>>, must<expect_expr_sum>> {};
struct expect_assignment : seq<assignment> {};
// The first assignment commits only at its `=`: after `0 rows` the next word may be `expect`.
struct row_group : seq<number_tok, sor<kw_rows, kw_row>, opt<assignment, star<kw_and, must<expect_assignment>>>> {};
struct expect_row_group : seq<row_group> {};
struct test_table : seq<name, tok<one<':'>>, must<expect_row_group>, star<tok<one<','>>, must<expect_row_group>>> {};
struct expect_value : sor<na_lit, seq<expr>> {};
struct expectation_stmt : seq<kw_expect, must<expect_name>, must<expect_eq>, must<expect_value>, opt<kw_out_of_range>> {};
struct as_of_stmt : seq<kw_as_of, must<expect_date>> {};
struct test_item : sor<as_of_stmt, expectation_stmt, test_table> {};
struct test_block : seq<kw_test, must<expect_text>, star<test_item>> {};

struct expect_body_word : seq<kw_body> {};
struct expect_clause_word : seq<kw_clause> {};
struct expect_table_word : seq<kw_table> {};
struct expect_act_id;

// ---- data contracts: `table NAME "description" … end` ----
// `column status enum [open, done] "where the case stands" ru "…"`
struct col_lang : seq<sor<TAO_PEGTL_STRING("kk"), TAO_PEGTL_STRING("ru"), TAO_PEGTL_STRING("en")>, not_at<ident_other>, ws> {};
struct lang_description : seq<col_lang, must<expect_text>> {};
struct enum_value : sor<string_tok, name> {};
struct expect_enum_value : seq<enum_value> {};
struct expect_open_bracket : tok<one<'['>> {};
struct enum_type : seq<kw_t_enum, must<expect_open_bracket>, must<expect_enum_value>, star<tok<one<','>>, must<expect_enum_value>>,
                       must<expect_close_bracket>> {};
struct column_type : sor<enum_type, kw_t_text, kw_t_bool, kw_t_date, kw_t_whole, kw_t_decimal> {};
struct expect_column_type : seq<column_type> {};
struct expect_empty : seq<kw_empty> {};
struct or_empty : seq<kw_or, must<expect_empty>> {};
struct column_optional : kw_optional {};
struct column_stmt : seq<kw_column, must<expect_name>, must<expect_column_type>, opt<or_empty>, opt<column_optional>,
                         opt<description>, star<lang_description>> {};
struct key_stmt : seq<kw_key, must<expect_name>, star<tok<one<','>>, must<expect_name>>> {};
struct expect_bodies_by : seq<kw_bodies, kw_by> {};
struct lists_stmt : seq<kw_lists, must<expect_bodies_by>, must<expect_name>> {};
struct expect_body_by : seq<kw_body, kw_by> {};
struct per_body_stmt : seq<kw_per, must<expect_body_by>, must<expect_name>> {};
struct body_name : seq<col_lang, must<expect_name>> {};
struct expect_body_name : seq<body_name> {};
struct names_stmt : seq<kw_names, must<expect_body_name>, star<tok<one<','>>, must<expect_body_name>>> {};
struct category_stmt : seq<kw_category, must<expect_name>> {};
struct derived_stmt : seq<kw_derived, must<expect_name>, must<expect_eq>, must<expect_expr>, opt<description>, star<lang_description>> {};
struct expect_to : seq<kw_to> {};
struct expect_dot : tok<one<'.'>> {};
struct same_body : seq<kw_same, must<expect_body_word>> {};
struct reference_stmt : seq<kw_reference, must<expect_name>, must<expect_to>, must<expect_name>, must<expect_dot>, must<expect_name>,
                            opt<same_body>, opt<description>, star<lang_description>> {};
struct per_body_flag : seq<kw_per, must<expect_body_word>> {};
struct severity : sor<kw_error, kw_warning> {};
struct expect_severity : seq<severity> {};
struct relied_on : seq<kw_for, must<expect_clause_word>, must<expect_clause_number>, star<tok<one<','>>, must<expect_clause_number>>> {};
struct expect_relied_on : seq<relied_on> {};
struct invariant_stmt : seq<kw_invariant, opt<per_body_flag>, must<expect_name>, must<expect_eq>, must<expect_expr>,
                            must<expect_relied_on>, must<expect_severity>, opt<description>, star<lang_description>> {};
struct table_item : sor<title_stmt, lists_stmt, per_body_stmt, key_stmt, names_stmt, category_stmt, column_stmt,
                        derived_stmt, reference_stmt, invariant_stmt> {};
struct expect_table_end : seq<kw_end> {};
struct extend_flag : kw_extend {};
struct table_block : seq<sor<seq<extend_flag, must<expect_table_word>>, kw_table>, must<expect_name>, opt<text_value>,
                         star<table_item>, must<expect_table_end>> {};
// `part of act "22599"`: the file's items belong to an act declared in another file.
struct expect_of_act : seq<kw_of, kw_act> {};
struct part_of_act : seq<kw_part, must<expect_of_act>, must<expect_act_id>> {};

struct clause_item : sor<title_stmt, text_stmt, replaces_stmt, amends_stmt, in_force_stmt, evidence_stmt, let_stmt,
                         coefficient_stmt, result_stmt, obligation_stmt, rank_stmt, grade_stmt> {};
// A clause ends with `end`. One left open up to the next top-level item (or the end of the file) is
// still read, so that it is reported (the parser: "clause 49 has no `end`") and counted, not lost
// with everything after it.
struct next_top_item : at<sor<kw_act, kw_clause, kw_function, kw_repeals, kw_table, kw_extend, kw_part, eof>> {};
struct expect_clause_end : sor<kw_end, next_top_item> {};
struct clause_block : seq<kw_clause, must<expect_clause_number>, opt<text_value>, star<clause_item>, star<test_block>,
                          expect_clause_end> {};

// ---- top level ----
struct act_amends : seq<kw_amends, must<expect_text>> {};
struct expect_act_id : seq<string_tok> {};  // declared above, for `part of act`
struct act_header : seq<kw_act, must<expect_act_id>, opt<text_value>, opt<in_force_stmt>, opt<act_amends>> {};
struct params : opt<name, star<tok<one<','>>, must<expect_name>>> {};
struct function_def : seq<kw_function, must<expect_name>, tok<one<'('>>, params, must<expect_close_paren>, must<expect_eq>, must<expect_expr>, opt<description>> {};
struct repeal_stmt : seq<kw_repeals, must<expect_clause_number>, opt<description>> {};
struct top_item : sor<act_header, clause_block, function_def, repeal_stmt, table_block, part_of_act> {};
struct expect_top_item : seq<top_item> {};
// One top-level item at a time: the parser loops over this rule and recovers between items.
struct item : seq<ws, sor<eof, must<expect_top_item>>> {};

// Operand rules named apart from `expect_operand` so each position gets its own message.
struct expect_operand_unary : seq<unary> {};
struct expect_operand_product : seq<product> {};
struct expect_operand_sum : seq<sum_expr> {};
struct expect_expr_sum : seq<sum_expr> {};
struct expect_negation : seq<negation> {};
struct expect_conjunction : seq<conjunction> {};

// ---- messages at commit points: what was expected, in the user's terms ----
template <typename> inline constexpr const char* error_message = nullptr;
#define EREJE_MSG(rule, text) template <> inline constexpr const char* error_message<rule> = text
EREJE_MSG(expect_string_close, "unterminated string: expected a closing `\"` on the same line");
EREJE_MSG(expect_expr, "expected an expression");
EREJE_MSG(expect_close_paren, "expected `)`");
EREJE_MSG(expect_close_bracket, "expected `]` to close the list");
EREJE_MSG(expect_then, "expected `then` after the condition of `if`");
EREJE_MSG(expect_else, "expected `else`: every `if` needs both branches");
EREJE_MSG(expect_table, "expected a table name");
EREJE_MSG(expect_operand, "expected a value after the operator");
EREJE_MSG(expect_operand_unary, "expected a value after the operator");
EREJE_MSG(expect_operand_product, "expected a value after the operator");
EREJE_MSG(expect_operand_sum, "expected a value after the comparison");
EREJE_MSG(expect_expr_sum, "expected a value");
EREJE_MSG(expect_negation, "expected a condition");
EREJE_MSG(expect_conjunction, "expected a condition after `or`");
EREJE_MSG(expect_lang, "expected a language code: kk, ru or en");
EREJE_MSG(expect_text, "expected text in double quotes");
EREJE_MSG(expect_act_id, "expected the act's registration number in double quotes, e.g. act \"33140\"");
EREJE_MSG(expect_name, "expected a name");
EREJE_MSG(expect_eq, "expected `=`");
EREJE_MSG(expect_result_body,
          "expected `=` and the result's formula (or, in a clause that `amends` another, `range` or `round` alone)");
EREJE_MSG(expect_with, "expected `with` and the new words, as in `text ru replace \"5\" with \"6\"`");
EREJE_MSG(expect_date, "expected a date as YYYY-MM-DD");
EREJE_MSG(expect_clause_number, "expected a clause number such as 49 or 49-1");
EREJE_MSG(no_leading_zero, "a clause number has no leading zero: write 49, not 049 (one number, one clause)");
EREJE_MSG(expect_int, "expected a whole number");
EREJE_MSG(expect_dots, "expected `..` between the bounds of the range, as in `range 0..10`");
EREJE_MSG(expect_evidence_subject, "expected what the evidence is for: text, variables or formula");
EREJE_MSG(expect_evidence_level, "expected an evidence level: official, seed, reconstructed or not_on_file");
EREJE_MSG(expect_over, "expected `over` and the table whose rows the obligation checks");
EREJE_MSG(expect_breach_when, "expected `breach when` and the condition that makes a row a breach");
EREJE_MSG(expect_assignment, "expected a column assignment such as `status = done`");
EREJE_MSG(expect_row_group, "expected rows such as `3 rows status = done`");
EREJE_MSG(expect_value, "expected a value or n/a");
EREJE_MSG(expect_clause_end,
          "expected a clause item (title, text, replaces, amends, in_force, evidence, let, coefficient, result, "
          "obligation, rank, grade), a test, or `end`");
EREJE_MSG(expect_na, "expected `n/a`");
EREJE_MSG(total_part, "expected a part of the total, as in `T of clause 49 weight 3` or `deduct P of clause 114`");
EREJE_MSG(expect_na_policy,
          "expected how an n/a part enters the total: `renormalise` (the weights of the parts present scaled up), "
          "`total n/a`, or `as 0` (a stated value)");
EREJE_MSG(expect_first, "expected `first`, as in `highest first` or `lowest first`");
EREJE_MSG(expect_ties, "expected how ties rank: `ties shared` (1, 2, 2, 4) or `ties dense` (1, 2, 2, 3)");
EREJE_MSG(expect_placement, "expected where such a body stands: `unranked` (shown apart, no rank) or `last` (after every valid value)");
EREJE_MSG(expect_band_bound, "expected `from` and the lowest value of the band, or `otherwise` for the last band");
EREJE_MSG(expect_top_item,
          "expected `act`, `part of act`, `clause`, `table`, `extend table`, `function` or `repeals` at the top "
          "level of a rule file");
EREJE_MSG(expect_open_bracket, "expected `[` and the enum's values, as in `enum [none, partial, full]`");
EREJE_MSG(expect_enum_value, "expected an enum value: a name or a text in double quotes");
EREJE_MSG(expect_column_type, "expected a column type: text, enum [...], bool, date, whole or decimal");
EREJE_MSG(expect_empty, "expected `empty` after `or`, as in `text or empty`");
EREJE_MSG(expect_bodies_by, "expected `bodies by` and the column holding each body's code, as in `lists bodies by code`");
EREJE_MSG(expect_body_by, "expected `body by` and the column naming the row's body, as in `per body by body_code`");
EREJE_MSG(expect_body_name, "expected a language and a column, as in `names kk kazakh_name, ru russian_name`");
EREJE_MSG(expect_to, "expected `to` and the referenced column, as in `reference parent to items.code`");
EREJE_MSG(expect_dot, "expected `.` between the table and the column, as in `items.code`");
EREJE_MSG(expect_body_word, "expected `body`");
EREJE_MSG(expect_clause_word, "expected `clause` and the clause numbers that rely on the invariant, as in `for clause 114`");
EREJE_MSG(expect_relied_on, "expected `for clause N`: the clause whose formula relies on the invariant");
EREJE_MSG(expect_severity, "expected `error` or `warning`: what a row that breaks the invariant is");
EREJE_MSG(expect_table_word, "expected `table` after `extend`");
EREJE_MSG(expect_table_end,
          "expected a table item (title, lists bodies, per body, key, names, category, column, derived, reference, "
          "invariant) or `end`");
EREJE_MSG(expect_of_act, "expected `of act` and the act's number, as in `part of act \"22599\"`");
#undef EREJE_MSG

struct Errors {
  template <typename Rule> static constexpr const char* message = error_message<Rule>;
};

}  // namespace ereje::grammar
