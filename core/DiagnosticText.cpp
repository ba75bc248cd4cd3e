// The catalogue of Kazakh and Russian wordings of diagnostics, and the matcher that applies it
// (core/DiagnosticText.hpp). The terms are the project's own (cli/Html.cpp, cli/cmd_explain.cpp,
// cli/cmd_contract.cpp, docs/tutorial.kk.md, docs/tutorial.ru.md): clause тармақ/пункт, act акт,
// version редакция, result нәтиже/результат, table кесте/таблица, column баған/столбец, range
// ауқым/диапазон, evidence негіздеме/основание, data description деректер сипаттамасы/описание данных,
// folder қалта/папка, option параметр/параметр, receipt түбіртек/квитанция, rule set ережелер
// жиыны/набор правил, body орган/орган.
#include "core/DiagnosticText.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <variant>

namespace ereje {

namespace {

// Raw strings keep the backticks and double quotes of the messages readable.
const std::vector<Wording> kWordings = {
    // ---- Syntax: the grammar's "expected …" and what stands there instead.
    {"syntax", R"({1}, found {2})", R"({1:tr}, табылғаны: {2:tr})", R"({1:tr}, найдено: {2:tr})"},
    {"*", R"(a clause number has no leading zero: write 49, not 049 (one number, one clause))",
     R"(тармақ нөмірі нөлден басталмайды: 049 емес, 49 деп жазыңыз (бір нөмір — бір тармақ))",
     R"(номер пункта не начинается с нуля: пишите 49, а не 049 (один номер — один пункт))"},
    {"too-deep", R"(expression nested too deeply: past the parser's limit of {1} nested grammar rules (about 80 parentheses))",
     R"(өрнек тым терең кірістірілген: талдаушының {1} кірістірілген грамматика ережесі шегінен асты (шамамен 80 жақша))",
     R"(выражение вложено слишком глубоко: превышен предел анализатора в {1} вложенных правил грамматики (около 80 скобок))"},
    {"*", R"(`{1}`)", R"(`{1}`)", R"(`{1}`)"},
    {"*", R"(the end of the line)", R"(жолдың соңы)", R"(конец строки)"},
    {"*", R"(the end of the file)", R"(файлдың соңы)", R"(конец файла)"},
    {"*", R"(expected `{1}`)", R"(`{1}` күтілген еді)", R"(ожидалось `{1}`)"},
    {"*", R"(expected an expression)", R"(өрнек күтілген еді)", R"(ожидалось выражение)"},
    {"*", R"(expected a value)", R"(мән күтілген еді)", R"(ожидалось значение)"},
    {"*", R"(expected a value after the operator)", R"(оператордан кейін мән күтілген еді)",
     R"(после оператора ожидалось значение)"},
    {"*", R"(expected a value after the comparison)", R"(салыстырудан кейін мән күтілген еді)",
     R"(после сравнения ожидалось значение)"},
    {"*", R"(expected a condition)", R"(шарт күтілген еді)", R"(ожидалось условие)"},
    {"*", R"(expected a name)", R"(атау күтілген еді)", R"(ожидалось имя)"},
    {"*", R"(expected a table name)", R"(кесте атауы күтілген еді)", R"(ожидалось имя таблицы)"},
    {"*", R"(expected text in double quotes)", R"(қос тырнақшадағы мәтін күтілген еді)",
     R"(ожидался текст в двойных кавычках)"},
    {"*", R"(expected a date as YYYY-MM-DD)", R"(YYYY-MM-DD түріндегі күн күтілген еді)",
     R"(ожидалась дата в виде YYYY-MM-DD)"},
    {"*", R"(expected a whole number)", R"(бүтін сан күтілген еді)", R"(ожидалось целое число)"},
    {"*", R"(expected a clause number such as 49 or 49-1)", R"(49 немесе 49-1 сияқты тармақ нөмірі күтілген еді)",
     R"(ожидался номер пункта, например 49 или 49-1)"},
    {"*", R"(expected `then` after the condition of `if`)", R"(`if` шартынан кейін `then` күтілген еді)",
     R"(после условия `if` ожидалось `then`)"},
    {"*", R"(expected `else`: every `if` needs both branches)", R"(`else` күтілген еді: әр `if` екі бұтақты да қажет етеді)",
     R"(ожидалось `else`: у каждого `if` должны быть обе ветви)"},
    {"*", R"(expected a column type: text, enum [...], bool, date, whole or decimal)",
     R"(баған түрі күтілген еді: text, enum [...], bool, date, whole немесе decimal)",
     R"(ожидался тип столбца: text, enum [...], bool, date, whole или decimal)"},
    {"*", R"(unterminated string: expected a closing `"` on the same line)",
     R"(тырнақшадағы мәтін жабылмаған: сол жолда жабатын `"` күтілген еді)",
     R"(текст в кавычках не закрыт: на той же строке ожидалась закрывающая `"`)"},
    {"*",
     R"(expected a clause item (title, text, replaces, amends, in_force, evidence, let, coefficient, result, obligation, rank, grade), a test, or `end`)",
     R"(тармақ элементі (title, text, replaces, amends, in_force, evidence, let, coefficient, result, obligation, rank, grade), тест немесе `end` күтілген еді)",
     R"(ожидался элемент пункта (title, text, replaces, amends, in_force, evidence, let, coefficient, result, obligation, rank, grade), тест или `end`)"},
    {"*",
     R"(expected a table item (title, lists bodies, per body, key, names, category, column, derived, reference, invariant) or `end`)",
     R"(кесте элементі (title, lists bodies, per body, key, names, category, column, derived, reference, invariant) немесе `end` күтілген еді)",
     R"(ожидался элемент таблицы (title, lists bodies, per body, key, names, category, column, derived, reference, invariant) или `end`)"},
    {"*", R"(expected `act`, `part of act`, `clause`, `table`, `extend table`, `function` or `repeals` at the top level of a rule file)",
     R"(ереже файлының жоғарғы деңгейінде `act`, `part of act`, `clause`, `table`, `extend table`, `function` немесе `repeals` күтілген еді)",
     R"(на верхнем уровне файла правил ожидалось `act`, `part of act`, `clause`, `table`, `extend table`, `function` или `repeals`)"},
    {"*", R"(expected `=` and the result's formula (or, in a clause that `amends` another, `range` or `round` alone))",
     R"(`=` және нәтиженің формуласы күтілген еді (`amends` арқылы өзгертетін тармақта `range` немесе `round` жеке жазылуы мүмкін))",
     R"(ожидалось `=` и формула результата (или, в пункте с `amends`, только `range` или `round`))"},
    {"*", R"(expected `[` and the enum's values, as in `enum [none, partial, full]`)",
     R"(`[` және enum мәндері күтілген еді, мысалы `enum [none, partial, full]`)",
     R"(ожидалось `[` и значения enum, например `enum [none, partial, full]`)"},
    {"*", R"(expected `to` and the referenced column, as in `reference parent to items.code`)",
     R"(`to` және сілтеме жасалатын баған күтілген еді, мысалы `reference parent to items.code`)",
     R"(ожидалось `to` и столбец, на который ссылаются, например `reference parent to items.code`)"},
    {"*", R"(expected `for clause N`: the clause whose formula relies on the invariant)",
     R"(`for clause N` күтілген еді: формуласы осы инвариантқа сүйенетін тармақ)",
     R"(ожидалось `for clause N`: пункт, формула которого опирается на инвариант)"},
    {"*", R"(expected `..` between the bounds of the range, as in `range 0..10`)",
     R"(ауқымның шекаралары арасында `..` күтілген еді, мысалы `range 0..10`)",
     R"(между границами диапазона ожидалось `..`, например `range 0..10`)"},
    {"*", R"(expected a value or n/a)", R"(мән немесе n/a күтілген еді)", R"(ожидалось значение или n/a)"},

    // ---- Reading rule files.
    {"no-such-path", R"(no such file or folder)", R"(мұндай файл немесе қалта жоқ)", R"(нет такого файла или папки)"},
    {"no-rules", R"(no rule files (*.ereje) found in this folder)", R"(бұл қалтада ереже файлдары (*.ereje) табылмады)",
     R"(в этой папке не найдено файлов правил (*.ereje))"},
    {"not-utf8", R"(rule file is not valid UTF-8 text)", R"(ереже файлы жарамды UTF-8 мәтіні емес)",
     R"(файл правил не является корректным текстом UTF-8)"},

    // ---- Syntax checks after parsing.
    {"bad-date", R"(`{1}` is not a date as YYYY-MM-DD)", R"(`{1}` — YYYY-MM-DD түріндегі күн емес)",
     R"(`{1}` — не дата в виде YYYY-MM-DD)"},
    {"bad-date", R"(`{1}` is not a real date: there is no such day)", R"(`{1}` — нақты күн емес: мұндай күн жоқ)",
     R"(`{1}` — несуществующая дата: такого дня нет)"},
    {"bad-date", R"(`{1}` is not a real date)", R"(`{1}` — нақты күн емес)", R"(`{1}` — несуществующая дата)"},
    {"bad-date", R"(write {1})", R"({1} деп жазыңыз)", R"(напишите {1})"},
    {"clause-without-end", R"(clause {1} has no `end`)", R"({1}-тармақта `end` жоқ)", R"(у пункта {1} нет `end`)"},
    {"second-act", R"(a rule file holds one act; this file already declared act "{1}")",
     R"(бір ереже файлында бір акт болады; бұл файл «{1}» актіні жариялап қойған)",
     R"(файл правил содержит один акт; в этом файле уже объявлен акт «{1}»)"},

    // ---- Acts, versions and functions.
    {"duplicate-act", R"(act "{1}" is declared in two files)", R"(«{1}» акт екі файлда жарияланған)",
     R"(акт «{1}» объявлен в двух файлах)"},
    {"act-without-date", R"(act "{1}" has no in-force date)", R"(«{1}» актінің қолданысқа енетін күні жоқ)",
     R"(у акта «{1}» нет даты вступления в силу)"},
    {"clause-outside-act", R"(clause {1} is not inside an act)", R"({1}-тармақ ешбір актінің ішінде емес)",
     R"(пункт {1} не входит ни в один акт)"},
    {"unknown-act", R"(this file is part of act "{1}", but no rule file declares it)",
     R"(бұл файл «{1}» актінің бөлігі, бірақ ешбір ереже файлы бұл актіні жарияламайды)",
     R"(этот файл — часть акта «{1}», но ни один файл правил его не объявляет)"},
    {"unknown-act", R"(declare the act with `act "{1}" "title" in_force YYYY-MM-DD` in a file of its own, and pass that file too)",
     R"(актіні жеке файлда `act "{1}" "title" in_force YYYY-MM-DD` түрінде жариялап, сол файлды да беріңіз)",
     R"(объявите акт в отдельном файле: `act "{1}" "title" in_force YYYY-MM-DD`, и передайте этот файл тоже)"},
    {"replaces-other", R"(clause {1} says it replaces clause {2})", R"({1}-тармақ {2}-тармақты ауыстыратынын айтады)",
     R"(пункт {1} указывает, что заменяет пункт {2})"},
    {"replaces-other", R"(clause {1} says it amends clause {2})", R"({1}-тармақ {2}-тармақты өзгертетінін айтады)",
     R"(пункт {1} указывает, что изменяет пункт {2})"},
    {"nothing-to-replace", R"(clause {1} replaces an earlier version, but none is on file)",
     R"({1}-тармақ бұрынғы редакцияны ауыстырады, бірақ ондай редакция файлдарда жоқ)",
     R"(пункт {1} заменяет прежнюю редакцию, но её нет в файлах)"},
    {"nothing-to-amend", R"(clause {1} amends an earlier version, but none is on file)",
     R"({1}-тармақ бұрынғы редакцияны өзгертеді, бірақ ондай редакция файлдарда жоқ)",
     R"(пункт {1} изменяет прежнюю редакцию, но её нет в файлах)"},
    {"nothing-to-repeal", R"(clause {1} is repealed, but no version of it is on file)",
     R"({1}-тармақтың күші жойылады, бірақ оның ешбір редакциясы файлдарда жоқ)",
     R"(пункт {1} отменяется, но ни одной его редакции нет в файлах)"},
    {"nothing-to-repeal", R"(clause {1} is repealed twice)", R"({1}-тармақтың күші екі рет жойылады)",
     R"(пункт {1} отменяется дважды)"},
    {"overlapping-versions", R"(two versions of clause {1} are in force from the same day, {2})",
     R"({1}-тармақтың екі редакциясы бір күннен, {2:abl} бастап қолданылады)",
     R"(две редакции пункта {1} действуют с одного дня, {2})"},
    {"overlapping-versions", R"(clause {1} is already in force from {2} (act "{3}"); a later version must say what it replaces)",
     R"({1}-тармақ {2:abl} бастап қолданыста («{3}» акт); кейінгі редакция нені ауыстыратынын айтуы тиіс)",
     R"(пункт {1} уже действует с {2} (акт «{3}»); более поздняя редакция должна указать, что она заменяет)"},
    {"version-gap", R"(clause {1} replaces a version that was repealed on {2}: it was not in force from then until {3})",
     R"({1}-тармақ күші {2} күні жойылған редакцияны ауыстырады: ол сол күннен {3:dat} дейін қолданыста болмаған)",
     R"(пункт {1} заменяет редакцию, отменённую {2}: с этого дня до {3} он не действовал)"},
    {"version-gap", R"(clause {1} amends a version that was repealed on {2}: there is nothing in force to amend)",
     R"({1}-тармақ күші {2} күні жойылған редакцияны өзгертеді: өзгертетін қолданыстағы ештеңе жоқ)",
     R"(пункт {1} изменяет редакцию, отменённую {2}: изменять нечего, ничего не действует)"},
    {"duplicate-function", R"(function `{1}` is defined twice)", R"(`{1}` функциясы екі рет анықталған)",
     R"(функция `{1}` определена дважды)"},

    // ---- Amending one item.
    {"replaces-and-amends", R"(clause {1} both replaces the earlier version and amends it)",
     R"({1}-тармақ бұрынғы редакцияны әрі ауыстырады, әрі өзгертеді)",
     R"(пункт {1} одновременно заменяет и изменяет прежнюю редакцию)"},
    {"change-without-amends", R"(result `{1}` has no formula, and clause {2} does not amend an earlier version)",
     R"(`{1}` нәтижесінің формуласы жоқ, ал {2}-тармақ бұрынғы редакцияны өзгертпейді)",
     R"(у результата `{1}` нет формулы, а пункт {2} не изменяет прежнюю редакцию)"},

    // ---- Data contracts.
    {"duplicate-table", R"(table `{1}` is declared twice)", R"(`{1}` кестесі екі рет жарияланған)",
     R"(таблица `{1}` объявлена дважды)"},
    {"duplicate-column", R"(table `{1}` already has a column `{2}`)", R"(`{1}` кестесінде `{2}` бағаны бұрыннан бар)",
     R"(в таблице `{1}` уже есть столбец `{2}`)"},
    {"unknown-table", R"(unknown table `{1}`)", R"(`{1}` деген кесте жоқ)", R"(неизвестная таблица `{1}`)"},
    {"unknown-table", R"(`extend table {1}`: no table `{2}` is declared)", R"(`extend table {1}`: `{2}` кестесі жарияланбаған)",
     R"(`extend table {1}`: таблица `{2}` не объявлена)"},
    {"unknown-table",
     R"(the rules declare no table: pass the folder of the data contract too (e.g. `rules/data`), or declare it with `table {1} … end`)",
     R"(ережелерде бірде-бір кесте жарияланбаған: деректер сипаттамасының қалтасын да беріңіз (мысалы, `rules/data`) немесе кестені `table {1} … end` түрінде жариялаңыз)",
     R"(в правилах не объявлено ни одной таблицы: передайте и папку с описанием данных (например, `rules/data`) или объявите таблицу: `table {1} … end`)"},

    // ---- Checker: names and structure.
    {"duplicate-name", R"(`{1}` is defined twice in clause {2} (act "{3}"))",
     R"(`{1}` «{3}» актінің {2}-тармағында екі рет анықталған)", R"(`{1}` определено дважды в пункте {2} (акт «{3}»))"},
    {"duplicate-name", R"(`{1}` is defined twice in the amendment of clause {2})",
     R"(`{1}` {2}-тармақтың өзгерісінде екі рет анықталған)", R"(`{1}` определено дважды в изменении пункта {2})"},
    {"undefined-name", R"(`{1}` is not defined in clause {2} (act "{3}"))",
     R"(`{1}` «{3}» актінің {2}-тармағында анықталмаған)", R"(`{1}` не определено в пункте {2} (акт «{3}»))"},
    {"undefined-name", R"(`{1}` is not a result of clause {2} (act "{3}"))",
     R"(`{1}` — «{3}» актінің {2}-тармағының нәтижесі емес)", R"(`{1}` не является результатом пункта {2} (акт «{3}»))"},
    {"undefined-name", R"(function `{1}` has no parameter `{2}`)", R"(`{1}` функциясының `{2}` параметрі жоқ)",
     R"(у функции `{1}` нет параметра `{2}`)"},
    {"undefined-name", R"(clause {1} in its version of act "{2}" ({3}) has no result `{4}`)",
     R"({1}-тармақтың «{2}» актідегі редакциясында ({3:tr}) `{4}` нәтижесі жоқ)",
     R"(в редакции акта «{2}» ({3:tr}) у пункта {1} нет результата `{4}`)"},
    {"undefined-name", R"(define it with `let {1} = …`)", R"(оны `let {1} = …` түрінде анықтаңыз)",
     R"(определите его: `let {1} = …`)"},
    {"not-a-column", R"(`{1}` is not a column of table `{2}`)", R"(`{1}` — `{2}` кестесінің бағаны емес)",
     R"(`{1}` не является столбцом таблицы `{2}`)"},
    {"not-a-column",
     R"(its columns are {1}; a new column is declared in the table (`column {2} TYPE "…"`, or `extend table {3}` in a later act))",
     R"(кестенің бағандары: {1}; жаңа баған кестеде жарияланады (`column {2} TYPE "…"` немесе кейінгі актіде `extend table {3}`))",
     R"(столбцы таблицы: {1}; новый столбец объявляется в таблице (`column {2} TYPE "…"` или `extend table {3}` в более позднем акте))"},
    {"undefined-function", R"(no function named `{1}`)", R"(`{1}` деген функция жоқ)", R"(нет функции с именем `{1}`)"},
    {"result-reference", R"(`{1}` is a result; formulas use definitions and coefficients)",
     R"(`{1}` — нәтиже; формулалар анықтамалар мен коэффициенттерді пайдаланады)",
     R"(`{1}` — результат; формулы используют определения и коэффициенты)"},
    {"unknown-value", R"(`{1}` is not a value of column `{2}`)", R"(`{1}` — `{2}` бағанының мәні емес)",
     R"(`{1}` не является значением столбца `{2}`)"},
    {"cycle", R"(definitions depend on each other: {1})", R"(анықтамалар бір-біріне тәуелді: {1})",
     R"(определения зависят друг от друга: {1})"},
    {"cycle", R"(coefficient `{1}` depends on itself)", R"(`{1}` коэффициенті өзіне тәуелді)",
     R"(коэффициент `{1}` зависит от самого себя)"},
    {"cycle", R"(function `{1}` calls itself)", R"(`{1}` функциясы өзін шақырады)", R"(функция `{1}` вызывает саму себя)"},
    {"missing-range", R"(result `{1}` of clause {2} (act "{3}") has no declared range)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` нәтижесінің ауқымы жарияланбаған)",
     R"(у результата `{1}` пункта {2} (акт «{3}») не объявлен диапазон)"},
    {"not-constant", R"(`{1}` is not a constant: coefficients and ranges use numbers and other coefficients only)",
     R"(`{1}` тұрақты емес: коэффициенттер мен ауқымдар тек сандар мен басқа коэффициенттерді пайдаланады)",
     R"(`{1}` — не константа: коэффициенты и диапазоны используют только числа и другие коэффициенты)"},
    {"division-by-zero", R"(coefficient `{1}` of clause {2} (act "{3}") divides by zero)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` коэффициенті нөлге бөледі)",
     R"(коэффициент `{1}` пункта {2} (акт «{3}») делит на ноль)"},
    {"division-by-zero", R"(coefficient `{1}` of clause {2} (act "{3}") divides by zero: `{4}` is 0)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` коэффициенті нөлге бөледі: `{4}` мәні 0)",
     R"(коэффициент `{1}` пункта {2} (акт «{3}») делит на ноль: `{4}` равно 0)"},
    {"count-of", R"(`count` counts rows and takes no `of`)", R"(`count` жолдарды санайды, оған `of` жазылмайды)",
     R"(`count` считает строки и не принимает `of`)"},
    {"missing-of", R"(`{1}` needs `of` and the value to aggregate, e.g. `{2}`)",
     R"(`{1}` үшін `of` және жинақталатын мән керек, мысалы `{2}`)",
     R"(`{1}` требует `of` и агрегируемое значение, например `{2}`)"},
    {"nested-aggregate", R"(an aggregate cannot be used inside a row condition)",
     R"(агрегатты жол шартының ішінде пайдалануға болмайды)", R"(агрегат нельзя использовать внутри условия на строки)"},
    {"aggregate-in-function", R"(functions cannot read tables)", R"(функциялар кестелерді оқи алмайды)",
     R"(функции не могут читать таблицы)"},
    {"unknown-clause", R"(no act has a clause {1})", R"(ешбір актіде {1}-тармақ жоқ)", R"(ни в одном акте нет пункта {1})"},
    {"unknown-clause", R"(invariant `{1}` is for clause {2}, but no act has a clause {3})",
     R"(`{1}` инварианты {2}-тармаққа арналған, бірақ ешбір актіде {3}-тармақ жоқ)",
     R"(инвариант `{1}` относится к пункту {2}, но ни в одном акте нет пункта {3})"},
    {"self-reference", R"(clause {1} reads its own result `{2}` through `of clause {3}`)",
     R"({1}-тармақ өзінің `{2}` нәтижесін `of clause {3}` арқылы оқиды)",
     R"(пункт {1} читает собственный результат `{2}` через `of clause {3}`)"},
    {"look-alike", R"(write `{1}` (the letters look the same but are different characters))",
     R"(`{1}` деп жазыңыз (әріптер бірдей көрінеді, бірақ олар әртүрлі таңбалар))",
     R"(напишите `{1}` (буквы выглядят одинаково, но это разные символы))"},

    // ---- Checker: types.
    {"type-mismatch", R"(cannot add a number to a date)", R"(күнге сан қосуға болмайды)", R"(нельзя прибавить число к дате)"},
    {"type-mismatch", R"(cannot subtract a number from a date)", R"(күннен сан азайтуға болмайды)",
     R"(нельзя вычесть число из даты)"},
    {"type-mismatch", R"(cannot add {1} to {2})", R"(«{2:tr}» түріне «{1:tr}» түрін қосуға болмайды)",
     R"(нельзя прибавить значение типа «{1:tr}» к значению типа «{2:tr}»)"},
    {"type-mismatch", R"(cannot subtract {1} from {2})", R"(«{2:tr}» түрінен «{1:tr}» түрін азайтуға болмайды)",
     R"(нельзя вычесть значение типа «{1:tr}» из значения типа «{2:tr}»)"},
    {"type-mismatch", R"(cannot multiply {1} by {2})", R"(«{1:tr}» түрін «{2:tr}» түріне көбейтуге болмайды)",
     R"(нельзя умножить значение типа «{1:tr}» на значение типа «{2:tr}»)"},
    {"type-mismatch", R"(cannot divide {1} by {2})", R"(«{1:tr}» түрін «{2:tr}» түріне бөлуге болмайды)",
     R"(нельзя разделить значение типа «{1:tr}» на значение типа «{2:tr}»)"},
    {"type-mismatch", R"(cannot compare {1} with {2})", R"(«{1:tr}» және «{2:tr}» түрлерін салыстыруға болмайды)",
     R"(нельзя сравнить значение типа «{1:tr}» со значением типа «{2:tr}»)"},
    {"type-mismatch", R"(the condition after `where` must be true or false, not {1})",
     R"(`where` сөзінен кейінгі шарт true немесе false болуы тиіс, «{1:tr}» емес)",
     R"(условие после `where` должно быть истинным или ложным, а не «{1:tr}»)"},
    {"type-mismatch", R"(the condition of `if` must be true or false, not {1})",
     R"(`if` шарты true немесе false болуы тиіс, «{1:tr}» емес)",
     R"(условие `if` должно быть истинным или ложным, а не «{1:tr}»)"},
    {"type-mismatch", R"(result `{1}` must be a number, but this is {2})", R"(`{1}` нәтижесі сан болуы тиіс, ал бұл — «{2:tr}»)",
     R"(результат `{1}` должен быть числом, а это — «{2:tr}»)"},
    {"type-mismatch", R"(coefficient `{1}` must be a number, not {2})", R"(`{1}` коэффициенті сан болуы тиіс, «{2:tr}» емес)",
     R"(коэффициент `{1}` должен быть числом, а не «{2:tr}»)"},
    {"type-mismatch", R"(invariant `{1}` must be a condition (true/false), not {2})",
     R"(`{1}` инварианты шарт (true/false) болуы тиіс, «{2:tr}» емес)",
     R"(инвариант `{1}` должен быть условием (true/false), а не «{2:tr}»)"},
    {"type-mismatch", R"(a derived column holds true/false, a number, a date or text, not a number of days)",
     R"(есептелетін бағанда true/false, сан, күн немесе мәтін болады, күн саны емес)",
     R"(вычисляемый столбец содержит true/false, число, дату или текст, но не число дней)"},
    {"type-mismatch", R"(to move a date by a number of days write `days(n)`: `d + days(3)`)",
     R"(күнді бірнеше күнге жылжыту үшін `days(n)` жазыңыз: `d + days(3)`)",
     R"(чтобы сдвинуть дату на несколько дней, напишите `days(n)`: `d + days(3)`)"},
    {"type-mismatch", R"(divide by `days(1)` to count the days as a number)", R"(күндерді сан ретінде санау үшін `days(1)` санына бөліңіз)",
     R"(чтобы получить число дней, разделите на `days(1)`)"},
    {"*", R"(a number)", R"(сан)", R"(число)"},
    {"*", R"(a date)", R"(күн)", R"(дата)"},
    {"*", R"(a number of days)", R"(күн саны)", R"(число дней)"},
    {"*", R"(text)", R"(мәтін)", R"(текст)"},
    {"*", R"(true/false)", R"(true/false)", R"(true/false)"},
    {"wrong-arguments", R"(`{1}` takes {2} argument, not {3})", R"(`{1}` {2} аргумент қабылдайды, {3} емес)",
     R"(`{1}` принимает {2|аргумент|аргумента|аргументов}, а не {3})"},
    {"wrong-arguments", R"(`{1}` takes {2} arguments, not {3})", R"(`{1}` {2} аргумент қабылдайды, {3} емес)",
     R"(`{1}` принимает {2|аргумент|аргумента|аргументов}, а не {3})"},

    // ---- Legal text.
    {"text-coefficient-value", R"(coefficient `{1}` of clause {2} (act "{3}") is {4}, but its Kazakh text says {5})",
     R"(«{3}» актінің {2}-тармағындағы `{1}` коэффициенті {4:dat} тең, ал қазақша мәтінінде {5} делінген)",
     R"(коэффициент `{1}` пункта {2} (акт «{3}») равен {4}, а в тексте на казахском языке указано {5})"},
    {"text-coefficient-value", R"(coefficient `{1}` of clause {2} (act "{3}") is {4}, but its Russian text says {5})",
     R"(«{3}» актінің {2}-тармағындағы `{1}` коэффициенті {4:dat} тең, ал орысша мәтінінде {5} делінген)",
     R"(коэффициент `{1}` пункта {2} (акт «{3}») равен {4}, а в тексте на русском языке указано {5})"},
    {"text-coefficient-value", R"(write `coefficient {1} = {2}`, or correct the text if the act says otherwise)",
     R"(`coefficient {1} = {2}` деп жазыңыз немесе акт басқаша айтса, мәтінді түзетіңіз)",
     R"(напишите `coefficient {1} = {2}` или исправьте текст, если в акте сказано иначе)"},

    // ---- Checker: warnings.
    {"unused-definition", R"(definition `{1}` of clause {2} (act "{3}") is not used by any result)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` анықтамасын ешбір нәтиже пайдаланбайды)",
     R"(определение `{1}` пункта {2} (акт «{3}») не используется ни одним результатом)"},
    {"unused-definition", R"(coefficient `{1}` of clause {2} (act "{3}") is not used)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` коэффициенті пайдаланылмайды)",
     R"(коэффициент `{1}` пункта {2} (акт «{3}») не используется)"},
    {"unused-definition", R"(remove it, or use it in a result)", R"(оны алып тастаңыз немесе нәтижеде пайдаланыңыз)",
     R"(удалите его или используйте в результате)"},
    {"unused-definition", R"(remove it, or use it in a formula)", R"(оны алып тастаңыз немесе формулада пайдаланыңыз)",
     R"(удалите его или используйте в формуле)"},
    {"missing-evidence", R"(clause {1} (act "{2}") does not state its evidence)",
     R"(«{2}» актінің {1}-тармағында негіздеме көрсетілмеген)", R"(в пункте {1} (акт «{2}») не указано основание)"},
    {"missing-evidence", R"(add e.g. `evidence text official, formula reconstructed`)",
     R"(мысалы, `evidence text official, formula reconstructed` қосыңыз)",
     R"(добавьте, например, `evidence text official, formula reconstructed`)"},
    {"missing-title", R"(clause {1} (act "{2}") lacks its Kazakh and Russian titles)",
     R"(«{2}» актінің {1}-тармағының қазақша және орысша атаулары жоқ)",
     R"(у пункта {1} (акт «{2}») нет названий на казахском и русском языках)"},
    {"missing-title", R"(clause {1} (act "{2}") lacks its Kazakh title)", R"(«{2}» актінің {1}-тармағының қазақша атауы жоқ)",
     R"(у пункта {1} (акт «{2}») нет названия на казахском языке)"},
    {"missing-title", R"(clause {1} (act "{2}") lacks its Russian title)", R"(«{2}» актінің {1}-тармағының орысша атауы жоқ)",
     R"(у пункта {1} (акт «{2}») нет названия на русском языке)"},
    {"missing-title", R"(add `title kk "…"` and `title ru "…"`)", R"(`title kk "…"` және `title ru "…"` қосыңыз)",
     R"(добавьте `title kk "…"` и `title ru "…"`)"},
    {"mixed-script", R"(`{1}` mixes Latin and Cyrillic letters: {2} among the others)",
     R"(`{1}` атауында латын және кирилл әріптері аралас: басқалардың арасында {2:tr} бар)",
     R"(`{1}` смешивает латинские и кириллические буквы: среди прочих — {2:tr})"},
    {"mixed-script", R"(write the name in one script, e.g. `{1}`)", R"(атауды бір әліпбимен жазыңыз, мысалы `{1}`)",
     R"(напишите имя одним алфавитом, например `{1}`)"},
    {"mixed-script", R"(write the name in one script)", R"(атауды бір әліпбимен жазыңыз)", R"(напишите имя одним алфавитом)"},
    {"*", R"(Cyrillic {1} ({2}))", R"(кирилл әрпі {1} ({2}))", R"(кириллическая {1} ({2}))"},
    {"*", R"(Latin {1} ({2}))", R"(латын әрпі {1} ({2}))", R"(латинская {1} ({2}))"},

    // ---- Range analysis.
    {"result-can-leave-range", R"(`{1}` can be above its range {2}: {3} = {4} for a body with {5})",
     R"(`{1}` өз ауқымынан ({2}) жоғары болуы мүмкін: деректерінде {5} бар орган үшін {3} = {4})",
     R"(`{1}` может выйти выше своего диапазона {2}: {3} = {4} для органа с данными {5})"},
    {"result-can-leave-range", R"(`{1}` can be below its range {2}: {3} = {4} for a body with {5})",
     R"(`{1}` өз ауқымынан ({2}) төмен болуы мүмкін: деректерінде {5} бар орган үшін {3} = {4})",
     R"(`{1}` может выйти ниже своего диапазона {2}: {3} = {4} для органа с данными {5})"},

    {"result-can-leave-range", R"(paste this test into the clause to keep the case on record (it passes):{1})",
     R"(бұл жағдайды есепте сақтау үшін мына тестті тармаққа қойыңыз (ол өтеді):{1})",
     R"(вставьте этот тест в пункт, чтобы сохранить этот случай (тест проходит):{1})"},

    // ---- Tests.
    {"unknown-result", R"(clause {1} (act "{2}") has no result `{3}`)", R"(«{2}» актінің {1}-тармағында `{3}` нәтижесі жоқ)",
     R"(в пункте {1} (акт «{2}») нет результата `{3}`)"},
    {"unknown-column", R"(table `{1}` has no column `{2}`)", R"(`{1}` кестесінде `{2}` бағаны жоқ)",
     R"(в таблице `{1}` нет столбца `{2}`)"},
    {"duplicate-test-table", R"(table `{1}` is given twice in this test)", R"(`{1}` кестесі бұл тестте екі рет берілген)",
     R"(таблица `{1}` задана в этом тесте дважды)"},
    {"bad-expectation", R"(an expected value is a number such as 7.00, or n/a)",
     R"(күтілетін мән — 7.00 сияқты сан немесе n/a)", R"(ожидаемое значение — число, например 7.00, или n/a)"},
    // What `ereje test` prints (cli/cmd_test.cpp): a failure, the test's heading, the summary.
    {"test-failure", R"(expected {1} = {2}, got {3} (exact value {4}))", R"(күтілгені {1} = {2}, алынғаны {3} (дәл мәні {4}))",
     R"(ожидалось {1} = {2}, получено {3} (точное значение {4}))"},
    {"test-failure", R"(no result `{1}` was computed)", R"(`{1}` нәтижесі есептелмеді)", R"(результат `{1}` не вычислен)"},
    {"test-failure", R"(rows of `{1}` need a value for column `{2}`)", R"(`{1}` жолдарына `{2}` бағанының мәні керек)",
     R"(в строках `{1}` нужно значение столбца `{2}`)"},
    {"test-failure", R"(the test's rows are not valid data: {1})", R"(тест жолдары жарамды деректер емес: {1:any?})",
     R"(строки теста — некорректные данные: {1:any?})"},
    {"test-heading", R"(clause {1} (act "{2}", version {3}): "{4}")", R"({1}-тармақ («{2}» акт, {3} редакциясы): «{4}»)",
     R"(пункт {1} (акт «{2}», редакция {3}): «{4}»)"},
    {"test-heading", R"( (inherited from act "{1}"))", R"( («{1}» актіден мұраға қалған))", R"( (унаследован от акта «{1}»))"},
    {"test-heading",
     R"(the amendment (act "{1}") inherits this test; if the new value is right, restate the test in clause {2} of act "{3}" under the same name)",
     R"(өзгеріс («{1}» акт) бұл тестті мұраға алады; жаңа мән дұрыс болса, тестті «{3}» актінің {2}-тармағында сол атаумен қайта жазыңыз)",
     R"(изменение (акт «{1}») наследует этот тест; если новое значение верно, повторите тест в пункте {2} акта «{3}» под тем же именем)"},
    {"test-summary", R"({1} passed, {2} failed)", R"({1} тест өтті, {2} тест өтпеді)",
     R"({1|тест пройден|теста пройдены|тестов пройдено}, {2|не пройден|не пройдены|не пройдено})"},

    // ---- Data (docs/diagnostics.md, "Data"): where a row is, before the message of its code.
    {"*", R"(record {1}: {2})", R"({1}-жазба: {2:msg})", R"(запись {1}: {2:msg})"},
    {"*", R"(row {1} ({2}): {3})", R"({1}-жол ({2}): {3:msg})", R"(строка {1} ({2}): {3:msg})"},
    {"*", R"(row {1}: {2})", R"({1}-жол: {2:msg})", R"(строка {1}: {2:msg})"},
    {"*", R"(body {1}: {2})", R"({1} органы: {2:msg})", R"(орган {1}: {2:msg})"},
    {"*", R"(did you mean `{1}`? values are case-sensitive)",
     R"(`{1}` деп жазғыңыз келген болар? мәндерде бас және кіші әріптер ажыратылады)",
     R"(возможно, имелось в виду `{1}`? значения различают регистр)"},
    {"*", R"(remove the spaces around `{1}`)", R"(`{1}` айналасындағы бос орындарды алып тастаңыз)",
     R"(уберите пробелы вокруг `{1}`)"},
    {"*", R"(the invariant is declared here)", R"(инвариант осында жарияланған)", R"(инвариант объявлен здесь)"},
    {"*", R"(an object)", R"(объект)", R"(объект)"},
    {"*", R"(an array)", R"(массив)", R"(массив)"},
    {"*", R"(a string)", R"(мәтін жолы)", R"(строка)"},
    {"*", R"(a boolean)", R"(логикалық мән)", R"(логическое значение)"},
    {"*", R"(null)", R"(null)", R"(null)"},
    {"*", R"(a folder)", R"(қалта)", R"(папка)"},

    // ---- Data: the folder and its files.
    {"data-no-folder", R"(data folder `{1}` does not exist)", R"(`{1}` деректер қалтасы жоқ)",
     R"(папки с данными `{1}` не существует)"},
    {"data-no-folder", R"(`{1}` is not a folder)", R"(`{1}` қалта емес)", R"(`{1}` — не папка)"},
    {"data-no-folder", R"(SQLite database `{1}` does not exist)", R"(`{1}` SQLite дерекқоры жоқ)",
     R"(базы данных SQLite `{1}` не существует)"},
    {"data-no-folder", R"(give --data the folder that holds {1} and the other tables)",
     R"(--data параметріне {1} және басқа кестелер жатқан қалтаны беріңіз)",
     R"(укажите в --data папку, в которой лежат {1} и другие таблицы)"},
    {"data-no-folder", R"(give --data a data folder, a SQLite database file or a postgresql:// URL)",
     R"(--data параметріне деректер қалтасын, SQLite дерекқорының файлын немесе postgresql:// URL-ін беріңіз)",
     R"(укажите в --data папку с данными, файл базы данных SQLite или URL postgresql://)"},
    {"data-missing-table", R"(missing data file {1}.csv (or {2}.json) in the data folder `{3}`)",
     R"(`{3}` деректер қалтасында {1}.csv (немесе {2}.json) деректер файлы жоқ)",
     R"(в папке с данными `{3}` нет файла {1}.csv (или {2}.json))"},
    {"data-missing-table", R"(missing table `{1}` in the SQLite database `{2}`)", R"(`{2}` SQLite дерекқорында `{1}` кестесі жоқ)",
     R"(в базе данных SQLite `{2}` нет таблицы `{1}`)"},
    {"data-missing-table", R"(missing table `{1}` in the PostgreSQL database `{2}`)",
     R"(`{2}` PostgreSQL дерекқорында `{1}` кестесі жоқ)", R"(в базе данных PostgreSQL `{2}` нет таблицы `{1}`)"},
    {"data-missing-table", R"(the rules in force read `{1}` ({2}): put {3}.csv or {4}.json in the folder)",
     R"(қолданыстағы ережелер `{1}` кестесін ({2}) оқиды: қалтаға {3}.csv немесе {4}.json файлын салыңыз)",
     R"(действующие правила читают `{1}` ({2}): положите в папку {3}.csv или {4}.json)"},
    {"data-missing-table", R"(every run reads `{1}` ({2}): put {3}.csv or {4}.json in the folder)",
     R"(әр іске қосу `{1}` кестесін ({2}) оқиды: қалтаға {3}.csv немесе {4}.json файлын салыңыз)",
     R"(каждый запуск читает `{1}` ({2}): положите в папку {3}.csv или {4}.json)"},
    {"data-missing-table",
     R"(`{1}.{2}` refers to `{3}.{4}` ({5}), and a reference is checked against the rows it names: put {6}.csv or {7}.json in the folder)",
     R"(`{1}.{2}` бағаны `{3}.{4}` бағанына сілтеме жасайды ({5}), ал сілтеме өзі атаған жолдар бойынша тексеріледі: қалтаға {6}.csv немесе {7}.json файлын салыңыз)",
     R"(`{1}.{2}` ссылается на `{3}.{4}` ({5}), а ссылка проверяется по строкам, которые она называет: положите в папку {6}.csv или {7}.json)"},
    {"data-not-a-file", R"(`{1}` in the data folder is {2}, not a file)", R"(деректер қалтасындағы `{1}` файл емес: ол — {2:tr})",
     R"(`{1}` в папке с данными — не файл, а {2:tr})"},
    {"data-not-a-file", R"(table `{1}` is read from a regular file: put its rows in {2})",
     R"(`{1}` кестесі кәдімгі файлдан оқылады: оның жолдарын {2} файлына жазыңыз)",
     R"(таблица `{1}` читается из обычного файла: поместите её строки в {2})"},
    {"data-ambiguous-table", R"(both {1}.csv and {2}.json are in the data folder `{3}`)",
     R"(`{3}` деректер қалтасында {1}.csv та, {2}.json да бар)", R"(в папке с данными `{3}` есть и {1}.csv, и {2}.json)"},
    {"data-ambiguous-table", R"(keep one of them: each table comes from exactly one file)",
     R"(біреуін қалдырыңыз: әр кесте дәл бір файлдан оқылады)", R"(оставьте один из них: каждая таблица берётся ровно из одного файла)"},
    {"data-unreadable", R"(cannot read the file: {1})", R"(файлды оқу мүмкін емес: {1})", R"(не удаётся прочитать файл: {1})"},
    {"data-unreadable", R"(read the data again once nothing writes to it)", R"(деректерге ешкім жазбай тұрғанда оларды қайта оқыңыз)",
     R"(прочитайте данные снова, когда в них никто не будет писать)"},
    {"data-empty-file", R"(empty file: expected a header row with columns {1})",
     R"(бос файл: {1} бағандары бар тақырып жолы күтілген еді)", R"(пустой файл: ожидалась строка заголовка со столбцами {1})"},
    {"data-empty-file", R"(empty file: expected a header row)", R"(бос файл: тақырып жолы күтілген еді)",
     R"(пустой файл: ожидалась строка заголовка)"},
    {"data-empty-file", R"(empty file: expected an array of objects)", R"(бос файл: объектілер массиві күтілген еді)",
     R"(пустой файл: ожидался массив объектов)"},
    {"data-empty-file", R"(a table with no rows still needs its header line: {1})",
     R"(жолы жоқ кестеге де тақырып жолы керек: {1})", R"(таблице без строк всё равно нужна строка заголовка: {1})"},
    {"data-empty-file", R"(a table with no rows still needs its header line)", R"(жолы жоқ кестеге де тақырып жолы керек)",
     R"(таблице без строк всё равно нужна строка заголовка)"},
    {"data-empty-file", R"(a table with no rows is written as [])", R"(жолы жоқ кесте [] түрінде жазылады)",
     R"(таблица без строк записывается как [])"},
    {"data-invalid-utf8", R"(invalid UTF-8 at byte offset {1} of the file (byte {2}))",
     R"(файлдың басынан {1} байт қашықтықта жарамсыз UTF-8 ({2} байты))",
     R"(некорректный UTF-8 на смещении {1} байт от начала файла (байт {2}))"},
    {"data-invalid-utf8", R"(save the file as UTF-8 (in Excel: "CSV UTF-8"); it looks like another encoding such as Windows-1251)",
     R"(файлды UTF-8 кодтауымен сақтаңыз (Excel-де: «CSV UTF-8»); ол басқа кодтауда, мысалы Windows-1251 кодтауында, сақталған сияқты)",
     R"(сохраните файл в кодировке UTF-8 (в Excel: «CSV UTF-8»); похоже, он в другой кодировке, например Windows-1251)"},

    // ---- Data: CSV syntax.
    {"data-unterminated-quote", R"(unterminated quoted field: this opening quote is never closed)",
     R"(тырнақшадағы өріс жабылмаған: бұл ашылған тырнақша еш жерде жабылмайды)",
     R"(поле в кавычках не закрыто: эта открывающая кавычка нигде не закрывается)"},
    {"data-unterminated-quote", R"(end the field with a quote; a quote inside a quoted field is written twice (""))",
     R"(өрісті тырнақшамен аяқтаңыз; тырнақшадағы өрістің ішіндегі тырнақша екі рет жазылады (""))",
     R"(закончите поле кавычкой; кавычка внутри поля в кавычках пишется дважды (""))"},
    {"data-text-after-quote", R"(unexpected text after the closing quote of a quoted field)",
     R"(тырнақшадағы өрістің жабатын тырнақшасынан кейін артық мәтін тұр)",
     R"(лишний текст после закрывающей кавычки поля в кавычках)"},
    {"data-text-after-quote", R"(put the whole value inside the quotes and write a quote inside it twice: "say ""yes""")",
     R"(бүкіл мәнді тырнақшаның ішіне алып, оның ішіндегі тырнақшаны екі рет жазыңыз: "say ""yes""")",
     R"(заключите всё значение в кавычки, а кавычку внутри него напишите дважды: "say ""yes""")"},
    {"data-stray-cr", R"(carriage return without a line feed inside a field)",
     R"(өрістің ішінде жол ауыстыру (LF) таңбасынсыз карета қайтару (CR) таңбасы тұр)",
     R"(возврат каретки (CR) без перевода строки (LF) внутри поля)"},
    {"data-stray-cr", R"(save the file with LF or CRLF line ends, or put a value holding a line break in quotes)",
     R"(файлды LF немесе CRLF жол соңдарымен сақтаңыз немесе жол ауыстыруы бар мәнді тырнақшаға алыңыз)",
     R"(сохраните файл с концами строк LF или CRLF или заключите значение с переводом строки в кавычки)"},
    {"data-ragged-row", R"(expected {1} fields as in the header, got {2})", R"(тақырып жолындағыдай {1} өріс күтілген еді, бар болғаны {2})",
     R"(ожидалось {1|поле|поля|полей}, как в заголовке, получено {2})"},
    {"data-ragged-row", R"(expected {1} field as in the header, got {2})", R"(тақырып жолындағыдай {1} өріс күтілген еді, бар болғаны {2})",
     R"(ожидалось {1|поле|поля|полей}, как в заголовке, получено {2})"},
    {"data-ragged-row", R"(a value holding a comma must be in quotes: "{1}")", R"(үтірі бар мән тырнақшада болуы тиіс: "{1}")",
     R"(значение с запятой должно быть в кавычках: "{1}")"},
    {"data-ragged-row", R"(a value holding a `;` must be in quotes: "{1}")", R"(`;` таңбасы бар мән тырнақшада болуы тиіс: "{1}")",
     R"(значение с `;` должно быть в кавычках: "{1}")"},
    {"data-ragged-row", R"(every row needs a field for each header column; leave a missing value empty ({1}))",
     R"(әр жолда тақырыптың әр бағанына бір өріс болуы тиіс; жоқ мәнді бос қалдырыңыз ({1}))",
     R"(в каждой строке нужно поле для каждого столбца заголовка; отсутствующее значение оставьте пустым ({1}))"},
    {"data-ragged-row", R"(every row needs a field for each header column)", R"(әр жолда тақырыптың әр бағанына бір өріс болуы тиіс)",
     R"(в каждой строке нужно поле для каждого столбца заголовка)"},
    {"data-duplicate-column", R"(duplicate column `{1}` in the header)", R"(тақырып жолында `{1}` бағаны қайталанады)",
     R"(столбец `{1}` повторяется в заголовке)"},
    {"data-duplicate-column", R"(each column name may appear once; rename or remove one of them)",
     R"(әр баған атауы бір рет қана кездесуі тиіс: бірінің атауын өзгертіңіз немесе оны алып тастаңыз)",
     R"(каждое имя столбца может встречаться один раз: переименуйте или удалите один из них)"},
    {"data-duplicate-column", R"(`{1}` first appears at line {2}, column {3})", R"(`{1}` алғаш {2}-жолдың {3}-бағанында кездеседі)",
     R"(`{1}` впервые встречается в строке {2}, столбце {3})"},
    {"data-duplicate-column", R"(`{1}` first appears as column {2} of the header)", R"(`{1}` алғаш тақырып жолының {2}-бағаны ретінде кездеседі)",
     R"(`{1}` впервые встречается как столбец {2} заголовка)"},

    // ---- Data: CSV as registries write it.
    {"data-csv-semicolon", R"(this file uses `;` as its separator: read with `;` between fields)",
     R"(бұл файлда бөлгіш ретінде `;` қолданылады: өрістер `;` бойынша бөлініп оқылды)",
     R"(в этом файле разделитель — `;`: поля прочитаны через `;`)"},
    {"data-csv-semicolon",
     R"~(Excel writes `;` between fields where a comma is the decimal separator (a Russian or Kazakh locale); values are read as written, a comma in one stays a comma. Pass `--csv-dialect excel-ru` to read such files as Excel meant them (also ИСТИНА/ЛОЖЬ and decimal commas), or save as "CSV UTF-8 (Comma delimited)")~",
     R"~(үтір ондық бөлгіш болатын жерде (орыс немесе қазақ локалі) Excel өрістердің арасына `;` жазады; мәндер жазылған күйінде оқылады, мәндегі үтір үтір болып қалады. Мұндай файлдарды Excel ойлағандай оқу үшін `--csv-dialect excel-ru` беріңіз (ИСТИНА/ЛОЖЬ және ондық үтір де оқылады) немесе файлды "CSV UTF-8 (Comma delimited)" түрінде сақтаңыз)~",
     R"~(Excel пишет `;` между полями там, где десятичный разделитель — запятая (русская или казахская локаль); значения читаются как записаны, запятая в значении остаётся запятой. Передайте `--csv-dialect excel-ru`, чтобы читать такие файлы так, как их понимает Excel (также ИСТИНА/ЛОЖЬ и десятичные запятые), или сохраните файл как "CSV UTF-8 (разделитель — запятая)")~"},
    {"data-csv-stray-quote", R"(quote inside an unquoted field, read as a character of the value (the only field of this file with one))",
     R"(тырнақшасыз өрістің ішіндегі тырнақша мәннің таңбасы ретінде оқылды (бұл файлда мұндай өріс тек осы))",
     R"(кавычка внутри поля без кавычек прочитана как символ значения (в этом файле такое поле одно))"},
    {"data-csv-stray-quote", R"(quote inside an unquoted field, read as a character of the value ({1} fields of this file have one; this is the first))",
     R"(тырнақшасыз өрістің ішіндегі тырнақша мәннің таңбасы ретінде оқылды (бұл файлда мұндай {1} өріс бар; бұл — біріншісі))",
     R"(кавычка внутри поля без кавычек прочитана как символ значения (в этом файле таких полей: {1}; это первое))"},
    {"data-csv-stray-quote",
     R"(Excel and Python's csv module read it so too; if the quotes were meant to enclose the value, put the whole value in quotes and write each quote inside it twice: "a ""b"" c")",
     R"(Excel мен Python-ның csv модулі де оны осылай оқиды; егер тырнақшалар мәнді қоршауы тиіс болса, бүкіл мәнді тырнақшаға алып, ішіндегі әр тырнақшаны екі рет жазыңыз: "a ""b"" c")",
     R"(Excel и модуль csv языка Python читают её так же; если кавычки должны были заключать значение, заключите всё значение в кавычки, а каждую кавычку внутри него напишите дважды: "a ""b"" c")"},

    // ---- Data: JSON.
    {"data-invalid-json", R"(invalid JSON: the number here is too large)", R"(жарамсыз JSON: мұндағы сан тым үлкен)",
     R"(некорректный JSON: число здесь слишком велико)"},
    {"data-invalid-json", R"(invalid JSON: the number {1} is too large)", R"(жарамсыз JSON: {1} саны тым үлкен)",
     R"(некорректный JSON: число {1} слишком велико)"},
    // After "invalid JSON: " comes the message of the JSON parser (nlohmann::json, input/JsonReader.cpp
    // `clean_parse_message`): the parser's "unexpected T; expected T", or the lexer's message, alone or
    // with "; expected T". Each is worded below, the token names too; one with no wording (a newer
    // version of the library) stays English after the translated "invalid JSON:", with the notice.
    {"data-invalid-json", R"(invalid JSON: {1})", R"(жарамсыз JSON: {1:msg?})", R"(некорректный JSON: {1:msg?})"},
    // The parser: what it read, then what it expected there. Russian: every token name is a
    // masculine noun ("символ '}'", "строковый литерал", "конец файла"), so "неожиданный"/"ожидался" agree.
    {"data-invalid-json", R"(unexpected {1}; expected {2})", R"({2:msg} күтілген еді, табылғаны: {1:msg})",
     R"(неожиданный {1:msg}; ожидался {2:msg})"},
    // The lexer's message where the parser expected a token: a number's message has "; expected" of its own.
    {"data-invalid-json", R"(invalid number; expected digit after '-'; expected {1})",
     R"(жарамсыз сан: '-' таңбасынан кейін цифр күтілген еді; {1:msg} күтілген еді)",
     R"(некорректное число: после '-' ожидалась цифра; ожидался {1:msg})"},
    {"data-invalid-json", R"(invalid number; expected digit after '.'; expected {1})",
     R"(жарамсыз сан: '.' таңбасынан кейін цифр күтілген еді; {1:msg} күтілген еді)",
     R"(некорректное число: после '.' ожидалась цифра; ожидался {1:msg})"},
    {"data-invalid-json", R"(invalid number; expected '+', '-', or digit after exponent; expected {1})",
     R"(жарамсыз сан: e немесе E әрпінен кейін '+', '-' таңбасы немесе цифр күтілген еді; {1:msg} күтілген еді)",
     R"(некорректное число: после e или E ожидался знак '+' или '-' либо цифра; ожидался {1:msg})"},
    {"data-invalid-json", R"(invalid number; expected digit after exponent sign; expected {1})",
     R"(жарамсыз сан: дәреже көрсеткішінің '+' немесе '-' таңбасынан кейін цифр күтілген еді; {1:msg} күтілген еді)",
     R"(некорректное число: после знака '+' или '-' показателя степени ожидалась цифра; ожидался {1:msg})"},
    {"data-invalid-json", R"({1}; expected {2})", R"({1:msg}; {2:msg} күтілген еді)", R"({1:msg}; ожидался {2:msg})"},
    // The lexer's messages.
    {"data-invalid-json", R"(invalid number; expected digit after '-')", R"(жарамсыз сан: '-' таңбасынан кейін цифр күтілген еді)",
     R"(некорректное число: после '-' ожидалась цифра)"},
    {"data-invalid-json", R"(invalid number; expected digit after '.')", R"(жарамсыз сан: '.' таңбасынан кейін цифр күтілген еді)",
     R"(некорректное число: после '.' ожидалась цифра)"},
    {"data-invalid-json", R"(invalid number; expected '+', '-', or digit after exponent)",
     R"(жарамсыз сан: e немесе E әрпінен кейін '+', '-' таңбасы немесе цифр күтілген еді)",
     R"(некорректное число: после e или E ожидался знак '+' или '-' либо цифра)"},
    {"data-invalid-json", R"(invalid number; expected digit after exponent sign)",
     R"(жарамсыз сан: дәреже көрсеткішінің '+' немесе '-' таңбасынан кейін цифр күтілген еді)",
     R"(некорректное число: после знака '+' или '-' показателя степени ожидалась цифра)"},
    {"data-invalid-json", R"(invalid literal)", R"(жарамсыз литерал)", R"(некорректный литерал)"},
    {"data-invalid-json", R"(invalid string: missing closing quote)", R"(жарамсыз мәтін жолы: жабатын тырнақша жоқ)",
     R"(некорректная строка: нет закрывающей кавычки)"},
    {"data-invalid-json", R"(invalid string: control character {1} ({2}) must be escaped to {3} or {4})",
     R"(жарамсыз мәтін жолы: {1} ({2}) басқару таңбасы {3} немесе {4} түрінде жазылуы тиіс)",
     R"(некорректная строка: управляющий символ {1} ({2}) нужно записать как {3} или {4})"},
    {"data-invalid-json", R"(invalid string: control character {1} ({2}) must be escaped to {3})",
     R"(жарамсыз мәтін жолы: {1} ({2}) басқару таңбасы {3} түрінде жазылуы тиіс)",
     R"(некорректная строка: управляющий символ {1} ({2}) нужно записать как {3})"},
    {"data-invalid-json", R"(invalid string: forbidden character after backslash)",
     R"(жарамсыз мәтін жолы: кері қиғаш сызықтан кейін рұқсат етілмеген таңба тұр)",
     R"(некорректная строка: недопустимый символ после обратной косой черты)"},
    {"data-invalid-json", R"(invalid string: '\u' must be followed by 4 hex digits)",
     R"(жарамсыз мәтін жолы: '\u' тізбегінен кейін 4 оналтылық цифр тұруы тиіс)",
     R"(некорректная строка: после '\u' должны идти 4 шестнадцатеричные цифры)"},
    {"data-invalid-json", R"(invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF)",
     R"(жарамсыз мәтін жолы: U+D800..U+DBFF суррогатынан кейін U+DC00..U+DFFF суррогаты тұруы тиіс)",
     R"(некорректная строка: за суррогатом U+D800..U+DBFF должен следовать суррогат U+DC00..U+DFFF)"},
    {"data-invalid-json", R"(invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF)",
     R"(жарамсыз мәтін жолы: U+DC00..U+DFFF суррогатының алдында U+D800..U+DBFF суррогаты тұруы тиіс)",
     R"(некорректная строка: суррогат U+DC00..U+DFFF должен следовать за суррогатом U+D800..U+DBFF)"},
    {"data-invalid-json", R"(invalid string: ill-formed UTF-8 byte)", R"(жарамсыз мәтін жолы: UTF-8 байты қате құрылған)",
     R"(некорректная строка: неправильно сформированный байт UTF-8)"},
    {"data-invalid-json", R"(invalid BOM; must be 0xEF 0xBB 0xBF if given)",
     R"(байт ретінің белгісі (BOM) жарамсыз: ол болса, 0xEF 0xBB 0xBF байттары болуы тиіс)",
     R"(некорректная метка порядка байтов (BOM): если она есть, это должны быть байты 0xEF 0xBB 0xBF)"},
    // Comments are an error before these two could be said (ereje reads JSON without comments): kept
    // for a reader that allows them.
    {"data-invalid-json", R"(invalid comment; missing closing '*/')", R"(жарамсыз түсініктеме: жабатын '*/' жоқ)",
     R"(некорректный комментарий: нет закрывающего '*/')"},
    {"data-invalid-json", R"(invalid comment; expecting '/' or '*' after '/')",
     R"(жарамсыз түсініктеме: '/' таңбасынан кейін '/' немесе '*' күтілген еді)",
     R"(некорректный комментарий: после '/' ожидался символ '/' или '*')"},
    // The parser's token names (`token_type_name`). The last three are never said by the parser.
    {"data-invalid-json", R"('[')", R"('[')", R"(символ '[')"},
    {"data-invalid-json", R"(']')", R"(']')", R"(символ ']')"},
    {"data-invalid-json", R"('{')", R"('{')", R"(символ '{')"},
    {"data-invalid-json", R"('}')", R"('}')", R"(символ '}')"},
    {"data-invalid-json", R"(':')", R"(':')", R"(символ ':')"},
    {"data-invalid-json", R"(',')", R"(',')", R"(символ ',')"},
    {"data-invalid-json", R"('[', '{', or a literal)", R"('[', '{' немесе литерал)", R"(символ '[' или '{' либо литерал)"},
    {"data-invalid-json", R"(string literal)", R"(мәтін жолы)", R"(строковый литерал)"},
    {"data-invalid-json", R"(number literal)", R"(сан)", R"(числовой литерал)"},
    {"data-invalid-json", R"(true literal)", R"(true литералы)", R"(литерал true)"},
    {"data-invalid-json", R"(false literal)", R"(false литералы)", R"(литерал false)"},
    {"data-invalid-json", R"(null literal)", R"(null литералы)", R"(литерал null)"},
    {"data-invalid-json", R"(end of input)", R"(файлдың соңы)", R"(конец файла)"},
    {"data-invalid-json", R"(<uninitialized>)", R"(бастапқы күйдегі лексема)", R"(неинициализированный токен)"},
    {"data-invalid-json", R"(<parse error>)", R"(қате лексема)", R"(ошибочный токен)"},
    {"data-invalid-json", R"(unknown token)", R"(белгісіз лексема)", R"(неизвестный токен)"},
    {"data-invalid-json", R"(the file must hold one JSON array of objects, one per row)",
     R"(файлда бір JSON массиві болуы тиіс: әр жолға бір объект)",
     R"(файл должен содержать один массив JSON из объектов, по одному на строку)"},
    {"data-invalid-json", R"(codes are written as strings, and no column of the data holds numbers)",
     R"(кодтар мәтін жолы ретінде жазылады, ал деректердің ешбір бағанында мұндай сан болмайды)",
     R"(коды записываются строками, и ни один столбец данных не содержит таких чисел)"},
    {"data-json-shape", R"(expected an array of objects (one per row), found {1})",
     R"(объектілер массиві (әр жолға бір объект) күтілген еді, табылғаны: {1:tr})",
     R"(ожидался массив объектов (по одному на строку), найдено: {1:tr})"},
    {"data-json-shape", R"(write the rows as {1})", R"(жолдарды былай жазыңыз: {1})", R"(запишите строки так: {1})"},
    {"data-json-value", R"(field `{1}` holds the number {2}; expected true or false)",
     R"(`{1}` өрісінде {2} саны тұр; true немесе false күтілген еді)", R"(в поле `{1}` число {2}; ожидалось true или false)"},
    {"data-json-value", R"(field `{1}` holds the number {2}; expected a date as a string)",
     R"(`{1}` өрісінде {2} саны тұр; мәтін жолы түріндегі күн күтілген еді)",
     R"(в поле `{1}` число {2}; ожидалась дата в виде строки)"},
    {"data-json-value", R"(field `{1}` holds the number {2}; codes and texts are always strings)",
     R"(`{1}` өрісінде {2} саны тұр; кодтар мен мәтіндер әрқашан мәтін жолы түрінде жазылады)",
     R"(в поле `{1}` число {2}; коды и тексты всегда записываются строками)"},
    {"data-json-value", R"(field `{1}` holds {2}; a field holds one value: a string, true/false or null)",
     R"(`{1}` өрісінде {2:tr} тұр; өрісте бір ғана мән болады: мәтін жолы, true/false немесе null)",
     R"(в поле `{1}` — {2:tr}; поле содержит одно значение: строку, true/false или null)"},
    {"data-json-value", R"(field `{1}` holds {2}; expected a string)", R"(`{1}` өрісінде {2} тұр; мәтін жолы күтілген еді)",
     R"(в поле `{1}` значение {2}; ожидалась строка)"},
    {"data-json-value", R"(expected an object (one row), found {1})", R"(объект (бір жол) күтілген еді, табылғаны: {1:tr})",
     R"(ожидался объект (одна строка), найдено: {1:tr})"},
    {"data-json-value", R"(write true or false (the strings "true", "false", "1" and "0" are also accepted))",
     R"(true немесе false деп жазыңыз ("true", "false", "1" және "0" мәтін жолдары да қабылданады))",
     R"(напишите true или false (принимаются и строки "true", "false", "1" и "0"))"},
    {"data-json-value", R"(write dates as strings in the form "YYYY-MM-DD")", R"(күндерді "YYYY-MM-DD" түріндегі мәтін жолы етіп жазыңыз)",
     R"(пишите даты строками вида "YYYY-MM-DD")"},
    {"data-json-value", R"(write it in quotes: "{1}")", R"(оны тырнақшаға алып жазыңыз: "{1}")", R"(запишите его в кавычках: "{1}")"},
    {"data-json-value", R"(write the value in quotes: "{1}")", R"(мәнді тырнақшаға алып жазыңыз: "{1}")",
     R"(запишите значение в кавычках: "{1}")"},
    {"data-json-value", R"(flatten the data: one key per column, one object per row)",
     R"(деректерді жазық етіңіз: әр бағанға бір кілт, әр жолға бір объект)",
     R"(сделайте данные плоскими: один ключ на столбец, один объект на строку)"},
    {"data-json-value", R"(the file holds an array of objects, one per row: {1})",
     R"(файлда объектілер массиві болады, әр жолға бір объект: {1})", R"(файл содержит массив объектов, по одному на строку: {1})"},
    {"*", R"(stopping after {1} errors in this file)", R"(бұл файлдағы {1} қатеден кейін тексеру тоқтатылды)",
     R"(проверка остановлена после {1|ошибки|ошибок|ошибок} в этом файле)"},
    {"data-json-duplicate-key", R"(the key `{1}` is written twice in one row)", R"(`{1}` кілті бір жолда екі рет жазылған)",
     R"(ключ `{1}` записан в одной строке дважды)"},
    {"data-json-duplicate-key", R"(keep one: JSON readers disagree on which of the two counts, so the row's value is in doubt)",
     R"(біреуін қалдырыңыз: JSON оқитын бағдарламалар екеуінің қайсысы есепке алынатынын әртүрлі шешеді, сондықтан жолдың мәні күмәнді)",
     R"(оставьте один: программы чтения JSON расходятся в том, какой из двух учитывать, поэтому значение строки под сомнением)"},

    // ---- Data: columns and values.
    {"data-missing-column", R"(missing column {1} in the header; found: none)", R"(тақырып жолында {1} бағаны жоқ; бірде-бір баған табылмады)",
     R"(в заголовке нет столбца {1}; не найдено ни одного столбца)"},
    {"data-missing-column", R"(missing column {1} in the header; found: {2})", R"(тақырып жолында {1} бағаны жоқ; табылған бағандар: {2})",
     R"(в заголовке нет столбца {1}; найдены столбцы: {2})"},
    {"data-missing-column", R"(missing columns {1} in the header; found: none)",
     R"(тақырып жолында {1} бағандары жоқ; бірде-бір баған табылмады)", R"(в заголовке нет столбцов {1}; не найдено ни одного столбца)"},
    {"data-missing-column", R"(missing columns {1} in the header; found: {2})", R"(тақырып жолында {1} бағандары жоқ; табылған бағандар: {2})",
     R"(в заголовке нет столбцов {1}; найдены столбцы: {2})"},
    {"data-missing-column", R"(no record has the field {1}; fields found: {2})", R"(бірде-бір жазбада {1} өрісі жоқ; табылған өрістер: {2})",
     R"(ни в одной записи нет поля {1}; найдены поля: {2})"},
    {"data-missing-column", R"(no record has the fields {1}; fields found: {2})", R"(бірде-бір жазбада {1} өрістері жоқ; табылған өрістер: {2})",
     R"(ни в одной записи нет полей {1}; найдены поля: {2})"},
    {"data-missing-column", R"(the table has no column {1}; columns found: {2})", R"(кестеде {1} бағаны жоқ; табылған бағандар: {2})",
     R"(в таблице нет столбца {1}; найдены столбцы: {2})"},
    {"data-missing-column", R"(the table has no columns {1}; columns found: {2})", R"(кестеде {1} бағандары жоқ; табылған бағандар: {2})",
     R"(в таблице нет столбцов {1}; найдены столбцы: {2})"},
    {"data-missing-column", R"(rename `{1}` to `{2}` (column names are exact and case-sensitive))",
     R"(`{1}` атауын `{2}` деп өзгертіңіз (баған атаулары дәл жазылады, бас және кіші әріптер ажыратылады))",
     R"(переименуйте `{1}` в `{2}` (имена столбцов пишутся точно и различают регистр))"},
    {"data-missing-column", R"(the first line of the file must be the header naming the columns: {1})",
     R"(файлдың бірінші жолы бағандарды атайтын тақырып жолы болуы тиіс: {1})",
     R"(первая строка файла должна быть заголовком с именами столбцов: {1})"},
    {"data-missing-column", R"(`{1}` is {2})", R"(`{1}` — {2})", R"(`{1}` — {2})"},
    {"data-empty-value", R"(empty value in required column `{1}`)", R"(`{1}` міндетті бағанында мән бос)",
     R"(пустое значение в обязательном столбце `{1}`)"},
    {"data-empty-value", R"(missing value for required field `{1}`)", R"(`{1}` міндетті өрісінің мәні жоқ)",
     R"(нет значения обязательного поля `{1}`)"},
    {"data-empty-value", R"(missing value (NULL or empty) in required column `{1}`)", R"(`{1}` міндетті бағанында мән жоқ (NULL немесе бос))",
     R"(нет значения (NULL или пусто) в обязательном столбце `{1}`)"},
    {"data-empty-value", R"(`{1}` is {2}; every row needs one (not NULL, not empty))",
     R"(`{1}` — {2}; ол әр жолда болуы тиіс (NULL емес, бос емес))", R"(`{1}` — {2}; оно нужно в каждой строке (не NULL и не пусто))"},
    {"data-empty-value", R"(`{1}` is {2}; every row needs one)", R"(`{1}` — {2}; ол әр жолда болуы тиіс)",
     R"(`{1}` — {2}; оно нужно в каждой строке)"},
    {"data-empty-value", R"(`{1}` is {2}; every record needs it (not null, not absent))",
     R"(`{1}` — {2}; ол әр жазбада болуы тиіс (null емес, түсіп қалмаған))",
     R"(`{1}` — {2}; оно нужно в каждой записи (не null и не пропущено))"},
    {"data-unknown-value", R"(unknown value `{1}` in column `{2}`: expected one of {3})",
     R"(`{2}` бағанында белгісіз мән `{1}`: мына мәндердің бірі күтілген еді: {3})",
     R"(неизвестное значение `{1}` в столбце `{2}`: ожидалось одно из значений {3})"},
    {"data-unknown-value", R"(`{1}` is {2})", R"(`{1}` — {2})", R"(`{1}` — {2})"},
    {"data-bad-bool", R"(invalid boolean `{1}` in column `{2}`: expected true, false, 1 or 0)",
     R"(`{2}` бағанында жарамсыз логикалық мән `{1}`: true, false, 1 немесе 0 күтілген еді)",
     R"(недопустимое логическое значение `{1}` в столбце `{2}`: ожидалось true, false, 1 или 0)"},
    {"data-bad-bool", R"(write true or false (1 or 0 are also accepted), in lowercase and without spaces)",
     R"(true немесе false деп кіші әріппен, бос орынсыз жазыңыз (1 немесе 0 да қабылданады))",
     R"(напишите true или false (принимаются и 1 или 0) строчными буквами, без пробелов)"},
    {"data-bad-bool", R"(write `{1}` exactly: lowercase, without spaces)", R"(дәл `{1}` деп жазыңыз: кіші әріппен, бос орынсыз)",
     R"(напишите ровно `{1}`: строчными буквами, без пробелов)"},
    {"data-bad-bool",
     R"(`{1}` is how Excel in a Russian or Kazakh locale writes {2}: pass `--csv-dialect excel-ru` to read such files, or write {3})",
     R"(`{1}` — орыс немесе қазақ локаліндегі Excel {2} мәнін осылай жазады: мұндай файлдарды оқу үшін `--csv-dialect excel-ru` беріңіз немесе {3} деп жазыңыз)",
     R"(`{1}` — так Excel в русской или казахской локали пишет {2}: передайте `--csv-dialect excel-ru`, чтобы читать такие файлы, или напишите {3})"},
    {"data-bad-number", R"(invalid whole number `{1}` in column `{2}`)", R"(`{2}` бағанында жарамсыз бүтін сан `{1}`)",
     R"(недопустимое целое число `{1}` в столбце `{2}`)"},
    {"data-bad-number", R"(invalid number `{1}` in column `{2}`)", R"(`{2}` бағанында жарамсыз сан `{1}`)",
     R"(недопустимое число `{1}` в столбце `{2}`)"},
    {"data-bad-number", R"(write a whole number in digits, e.g. 12 or -3, without spaces or separators)",
     R"(бүтін санды цифрлармен, бос орынсыз және бөлгішсіз жазыңыз, мысалы 12 немесе -3)",
     R"(запишите целое число цифрами, без пробелов и разделителей, например 12 или -3)"},
    {"data-bad-number", R"(write the number with digits and `.` as the decimal point, e.g. 4.87)",
     R"(санды цифрлармен, ондық бөлгіш ретінде `.` қолданып жазыңыз, мысалы 4.87)",
     R"(запишите число цифрами, с `.` в качестве десятичного разделителя, например 4.87)"},
    {"data-bad-number",
     R"(`.` is the decimal point: write `{1}`, or pass `--csv-dialect excel-ru` to read a decimal comma as Excel writes it in a Russian or Kazakh locale)",
     R"(ондық бөлгіш — `.`: `{1}` деп жазыңыз немесе орыс не қазақ локаліндегі Excel жазатын ондық үтірді оқу үшін `--csv-dialect excel-ru` беріңіз)",
     R"(десятичный разделитель — `.`: напишите `{1}` или передайте `--csv-dialect excel-ru`, чтобы читать десятичную запятую так, как её пишет Excel в русской или казахской локали)"},
    {"data-bad-number", R"(`.` is the decimal point: write `{1}`)", R"(ондық бөлгіш — `.`: `{1}` деп жазыңыз)",
     R"(десятичный разделитель — `.`: напишите `{1}`)"},
    {"data-bad-number", R"(this column holds whole numbers; a fraction is not allowed here)",
     R"(бұл бағанда бүтін сандар сақталады; бөлшек санға рұқсат жоқ)", R"(в этом столбце хранятся целые числа; дробь здесь недопустима)"},
    {"data-bad-number", R"(remove the spaces around the number)", R"(санның айналасындағы бос орындарды алып тастаңыз)",
     R"(уберите пробелы вокруг числа)"},
    {"data-bad-date", R"(invalid date `{1}` in column `{2}`: there is no such day)", R"(`{2}` бағанында жарамсыз күн `{1}`: мұндай күн жоқ)",
     R"(недопустимая дата `{1}` в столбце `{2}`: такого дня нет)"},
    {"data-bad-date", R"(invalid date `{1}` in column `{2}`: expected YYYY-MM-DD)",
     R"(`{2}` бағанында жарамсыз күн `{1}`: YYYY-MM-DD түрі күтілген еді)",
     R"(недопустимая дата `{1}` в столбце `{2}`: ожидался вид YYYY-MM-DD)"},
    {"data-bad-date", R"(months run from 01 to 12 (YYYY-MM-DD))", R"(айлар 01-ден 12-ге дейін нөмірленеді (YYYY-MM-DD))",
     R"(месяцы нумеруются с 01 по 12 (YYYY-MM-DD))"},
    {"data-bad-date", R"(write dates as YYYY-MM-DD, e.g. {1})", R"(күндерді YYYY-MM-DD түрінде жазыңыз, мысалы {1})",
     R"(пишите даты в виде YYYY-MM-DD, например {1})"},
    {"data-bad-date", R"(write dates as YYYY-MM-DD: `{1}` is {2})", R"(күндерді YYYY-MM-DD түрінде жазыңыз: `{1}` дегеніміз — {2})",
     R"(пишите даты в виде YYYY-MM-DD: `{1}` — это {2})"},
    {"data-unknown-column", R"(column `{1}` is not declared by table `{2}`: its values are ignored)",
     R"(`{1}` бағаны `{2}` кестесінде жарияланбаған: оның мәндері ескерілмейді)",
     R"(столбец `{1}` не объявлен в таблице `{2}`: его значения не учитываются)"},
    {"data-unknown-column", R"(column `{1}` is derived: computed from the other columns, so the file's values are ignored)",
     R"(`{1}` бағаны есептелетін баған: ол басқа бағандардан есептеледі, сондықтан файлдағы мәндері ескерілмейді)",
     R"(столбец `{1}` вычисляемый: он вычисляется из других столбцов, поэтому значения из файла не учитываются)"},
    {"data-unknown-column", R"(column `{1}` is not in force on the date evaluated: it takes effect on {2} (act "{3}"); its values are ignored)",
     R"(`{1}` бағаны бағалау күні қолданыста емес: ол {2} күні күшіне енеді («{3}» акт); оның мәндері ескерілмейді)",
     R"(столбец `{1}` не действует на дату оценки: он вступает в силу {2} (акт «{3}»); его значения не учитываются)"},
    {"data-unknown-column", R"(evaluate as of that date or later to read it)", R"(оны оқу үшін сол күнге немесе одан кейінгі күнге бағалаңыз)",
     R"(чтобы прочитать его, выполните оценку на эту дату или позже)"},
    {"data-unknown-column", R"(remove the column from the file)", R"(бағанды файлдан алып тастаңыз)", R"(удалите столбец из файла)"},
    {"data-unknown-column",
     R"(the table's columns are {1}; a clause reads a new column once the rules declare it (`column {2} TYPE "…"` in table `{3}`))",
     R"(кестенің бағандары: {1}; тармақ жаңа бағанды ережелер оны жариялағаннан кейін ғана оқиды (`{3}` кестесінде `column {2} TYPE "…"`))",
     R"(столбцы таблицы: {1}; пункт читает новый столбец, когда правила его объявят (`column {2} TYPE "…"` в таблице `{3}`))"},
    {"data-unknown-column", R"(`{1}` is {2})", R"(`{1}` — {2})", R"(`{1}` — {2})"},

    // ---- Data: keys and references.
    {"data-duplicate-key", R"(duplicate {1} `{2}` for {3} `{4}`: already on line {5})",
     R"({3} `{4}` үшін {1} `{2}` қайталанады: ол {5}-жолда бұрыннан бар)",
     R"(повторяется {1} `{2}` для {3} `{4}`: уже есть в строке {5})"},
    {"data-duplicate-key", R"(duplicate {1} `{2}` for {3} `{4}`: already on record {5})",
     R"({3} `{4}` үшін {1} `{2}` қайталанады: ол {5}-жазбада бұрыннан бар)",
     R"(повторяется {1} `{2}` для {3} `{4}`: уже есть в записи {5})"},
    {"data-duplicate-key", R"(duplicate {1} `{2}` for {3} `{4}`: already on row {5})",
     R"({3} `{4}` үшін {1} `{2}` қайталанады: ол жолда бұрыннан бар: {5})",
     R"(повторяется {1} `{2}` для {3} `{4}`: уже есть в строке {5})"},
    {"data-duplicate-key", R"(duplicate {1} `{2}`: already on line {3})", R"({1} `{2}` қайталанады: ол {3}-жолда бұрыннан бар)",
     R"(повторяется {1} `{2}`: уже есть в строке {3})"},
    {"data-duplicate-key", R"(duplicate {1} `{2}`: already on record {3})", R"({1} `{2}` қайталанады: ол {3}-жазбада бұрыннан бар)",
     R"(повторяется {1} `{2}`: уже есть в записи {3})"},
    {"data-duplicate-key", R"(duplicate {1} `{2}`: already on row {3})", R"({1} `{2}` қайталанады: ол жолда бұрыннан бар: {3})",
     R"(повторяется {1} `{2}`: уже есть в строке {3})"},
    {"data-duplicate-key", R"(first occurrence: line {1}, column {2})", R"(алғаш кездескен жері: {1}-жол, {2}-баған)",
     R"(первое вхождение: строка {1}, столбец {2})"},
    {"data-duplicate-key", R"(first occurrence: record {1})", R"(алғаш кездескен жері: {1}-жазба)", R"(первое вхождение: запись {1})"},
    {"data-duplicate-key", R"(first occurrence: row {1})", R"(алғаш кездескен жері: жол {1})", R"(первое вхождение: строка {1})"},
    {"data-duplicate-key", R"(each ({1}) must be unique in the table)", R"(кестеде әр ({1}) жұбы бірегей болуы тиіс)",
     R"(каждая пара ({1}) должна быть в таблице уникальной)"},
    {"data-duplicate-key", R"(each {1} must be unique in the table)", R"(кестеде әр {1} мәні бірегей болуы тиіс)",
     R"(каждое значение {1} должно быть в таблице уникальным)"},
    {"data-unknown-agency", R"(unknown body `{1}` in column `{2}`: it is not in {3})",
     R"(`{2}` бағанындағы `{1}` органы белгісіз: ол {3} файлында жоқ)", R"(неизвестный орган `{1}` в столбце `{2}`: его нет в {3})"},
    {"data-unknown-agency", R"(add the body to {1} or correct the code)", R"(органды {1} файлына қосыңыз немесе кодты түзетіңіз)",
     R"(добавьте орган в {1} или исправьте код)"},
    {"data-unknown-parent", R"(unknown {1} `{2}` in column `{3}`: body `{4}` has no row with that {5})",
     R"(`{3}` бағанындағы {1} `{2}` белгісіз: `{4}` органында {5} мәні осындай жол жоқ)",
     R"(неизвестный {1} `{2}` в столбце `{3}`: у органа `{4}` нет строки с таким {5})"},
    {"data-unknown-parent", R"(`{1}` `{2}` names the row itself: it is the row's own {3})",
     R"(`{1}` `{2}` жолдың өзін атайды: бұл — жолдың өз {3} мәні)", R"(`{1}` `{2}` указывает на саму строку: это её собственный {3})"},
    {"data-unknown-parent", R"(`{1}` is the {2} of another row of the same body)", R"(`{1}` — сол органның басқа жолының {2} мәні)",
     R"(`{1}` — это {2} другой строки того же органа)"},
    {"data-unknown-parent", R"(`{1}` refers to another row of the same body (`reference {2} to {3}.{4} same body`))",
     R"(`{1}` сол органның басқа жолына сілтеме жасайды (`reference {2} to {3}.{4} same body`))",
     R"(`{1}` ссылается на другую строку того же органа (`reference {2} to {3}.{4} same body`))"},
    {"data-parent-cycle", R"(the `{1}` of body `{2}` form a cycle: {3}; none of them is a main row)",
     R"(`{2}` органының `{1}` мәндері тұйық тізбек құрайды: {3}; олардың ешқайсысы негізгі жол емес)",
     R"(значения `{1}` органа `{2}` образуют цикл: {3}; ни одна из этих строк не основная)"},
    {"data-parent-cycle", R"(a chain of `{1}` ends at a row whose `{2}` is empty: correct one of them)",
     R"(`{1}` тізбегі `{2}` мәні бос жолмен аяқталуы тиіс: олардың бірін түзетіңіз)",
     R"(цепочка `{1}` должна заканчиваться строкой с пустым `{2}`: исправьте одну из них)"},
    {"data-unknown-reference", R"(unknown {1} `{2}` in column `{3}`: no row of {4} has it for the same body)",
     R"(`{3}` бағанындағы {1} `{2}` белгісіз: сол органның {4} файлындағы бірде-бір жолында ол жоқ)",
     R"(неизвестный {1} `{2}` в столбце `{3}`: его нет ни в одной строке {4} того же органа)"},
    {"data-unknown-reference", R"(unknown {1} `{2}` in column `{3}`: no row of {4} has it)",
     R"(`{3}` бағанындағы {1} `{2}` белгісіз: {4} файлының бірде-бір жолында ол жоқ)",
     R"(неизвестный {1} `{2}` в столбце `{3}`: его нет ни в одной строке {4})"},
    {"data-unknown-reference", R"(`{1}` refers to `{2}.{3}`)", R"(`{1}` бағаны `{2}.{3}` бағанына сілтеме жасайды)",
     R"(`{1}` ссылается на `{2}.{3}`)"},

    // ---- Data: invariants.
    {"data-invariant", R"(`{1}` is {2}: the row breaks invariant `{3}` of table `{4}`: {5} (a value it needs is missing))",
     R"(`{1}` мәні {2}: жол `{4}` кестесінің `{3}` инвариантын бұзады: {5} (оған қажет мән жоқ))",
     R"(`{1}` равно {2}: строка нарушает инвариант `{3}` таблицы `{4}`: {5} (нет нужного ему значения))"},
    {"data-invariant", R"(`{1}` is {2}: the row breaks invariant `{3}` of table `{4}`: {5})",
     R"(`{1}` мәні {2}: жол `{4}` кестесінің `{3}` инвариантын бұзады: {5})",
     R"(`{1}` равно {2}: строка нарушает инвариант `{3}` таблицы `{4}`: {5})"},
    {"data-invariant", R"(the row breaks invariant `{1}` of table `{2}`: {3} (a value it needs is missing))",
     R"(жол `{2}` кестесінің `{1}` инвариантын бұзады: {3} (оған қажет мән жоқ))",
     R"(строка нарушает инвариант `{1}` таблицы `{2}`: {3} (нет нужного ему значения))"},
    {"data-invariant", R"(the row breaks invariant `{1}` of table `{2}`: {3})", R"(жол `{2}` кестесінің `{1}` инвариантын бұзады: {3})",
     R"(строка нарушает инвариант `{1}` таблицы `{2}`: {3})"},
    {"data-invariant", R"(body `{1}` breaks invariant `{2}` of table `{3}`: {4} (a value it needs is missing))",
     R"(`{1}` органы `{3}` кестесінің `{2}` инвариантын бұзады: {4} (оған қажет мән жоқ))",
     R"(орган `{1}` нарушает инвариант `{2}` таблицы `{3}`: {4} (нет нужного ему значения))"},
    {"data-invariant", R"(body `{1}` breaks invariant `{2}` of table `{3}`: {4})", R"(`{1}` органы `{3}` кестесінің `{2}` инвариантын бұзады: {4})",
     R"(орган `{1}` нарушает инвариант `{2}` таблицы `{3}`: {4})"},
    {"data-invariant", R"(invariant `{1}` of table `{2}`: {3} breaches in all, none shown (a run shows its first {4} breaches))",
     R"(`{2}` кестесінің `{1}` инварианты: барлығы {3} бұзушылық, ешқайсысы көрсетілмеді (іске қосу алғашқы {4} бұзушылықты ғана көрсетеді))",
     R"(инвариант `{1}` таблицы `{2}`: всего {3|нарушение|нарушения|нарушений}, ни одно не показано (запуск показывает только первые {4}))"},
    {"data-invariant", R"(invariant `{1}` of table `{2}`: {3} breach in all, none shown (a run shows its first {4} breaches))",
     R"(`{2}` кестесінің `{1}` инварианты: барлығы {3} бұзушылық, ешқайсысы көрсетілмеді (іске қосу алғашқы {4} бұзушылықты ғана көрсетеді))",
     R"(инвариант `{1}` таблицы `{2}`: всего {3|нарушение|нарушения|нарушений}, ни одно не показано (запуск показывает только первые {4}))"},
    {"data-invariant", R"(invariant `{1}` of table `{2}`: {3} breaches in all, the first {4} shown)",
     R"(`{2}` кестесінің `{1}` инварианты: барлығы {3} бұзушылық, алғашқы {4} бұзушылық көрсетілді)",
     R"(инвариант `{1}` таблицы `{2}`: всего {3|нарушение|нарушения|нарушений}, показаны первые {4})"},
    {"data-invariant", R"({1} relies on it: {2})", R"({1:msg} соған сүйенеді: {2})", R"({1:msg} опирается на него: {2})"},
    {"data-invariant", R"({1} relies on it)", R"({1:msg} соған сүйенеді)", R"({1:msg} опирается на него)"},
    // The clauses that rely on an invariant, in the help above: "clause 54 (act "X"), clause 55".
    {"data-invariant", R"(clause {1} (act "{2}"))", R"(«{2}» актінің {1}-тармағы)", R"(пункт {1} (акт «{2}»))"},
    {"data-invariant", R"({1}, {2})", R"({1:msg}, {2:msg})", R"({1:msg}, {2:msg})"},
    {"data-invariant", R"(clause {1})", R"({1}-тармақ)", R"(пункт {1})"},

    // ---- Data: limits.
    {"data-too-many-columns", R"(more than {1} columns in the header, the limit)", R"(тақырып жолында {1} бағаннан көп: бұл — шек)",
     R"(в заголовке больше {1|столбца|столбцов|столбцов}: это предел)"},
    {"data-too-many-columns", R"(the tables of data.md have a handful of columns: check that the first line is the header)",
     R"(data.md кестелерінде бірнеше баған ғана болады: бірінші жолдың тақырып жолы екенін тексеріңіз)",
     R"(в таблицах data.md лишь несколько столбцов: проверьте, что первая строка — заголовок)"},
    {"data-field-too-long", R"(field longer than {1}, the limit for one value)", R"(өріс {1} шегінен ұзын: бұл — бір мәннің шегі)",
     R"(поле длиннее {1} — предела для одного значения)"},
    {"data-record-too-long", R"(record longer than {1}, the limit for one row)", R"(жазба {1} шегінен ұзын: бұл — бір жолдың шегі)",
     R"(запись длиннее {1} — предела для одной строки)"},
    {"data-too-many-lines", R"(more than {1} lines in the file)", R"(файлда {1} жолдан көп)", R"(в файле больше {1|строки|строк|строк})"},
    {"data-too-many-rows", R"(more than {1} rows in the table, the limit)", R"(кестеде {1} жолдан көп: бұл — шек)",
     R"(в таблице больше {1|строки|строк|строк}: это предел)"},
    {"data-too-many-rows", R"(that is 25,000 rows for each of 4,000 bodies: check that this is the right file)",
     R"(бұл 4 000 органның әрқайсысына 25 000 жолдан келеді: файлдың дұрыс екенін тексеріңіз)",
     R"(это по 25 000 строк на каждый из 4 000 органов: проверьте, тот ли это файл)"},
    {"data-file-too-large", R"(JSON file of {1} bytes, more than the limit of {2} MiB for JSON data)",
     R"(JSON файлының көлемі {1} байт: бұл JSON деректерінің {2} MiB шегінен көп)",
     R"(JSON-файл размером {1} байт больше предела для данных JSON в {2} МиБ)"},
    {"data-file-too-large", R"(more than {1} MiB of rows in memory, the limit for a table read from a database (stopped at row {2}))",
     R"(жадтағы жолдар {1} MiB шегінен асты: бұл — дерекқордан оқылатын кестенің шегі ({2}-жолда тоқтатылды))",
     R"(в памяти больше {1} МиБ строк — предел для таблицы из базы данных (остановлено на строке {2}))"},
    {"data-file-too-large", R"(write a table this large as CSV: it is read in one pass, without that limit)",
     R"(мұндай үлкен кестені CSV түрінде жазыңыз: CSV бір өтуде, бұл шексіз оқылады)",
     R"(запишите такую большую таблицу в CSV: CSV читается за один проход, без этого предела)"},
    {"data-file-too-large",
     R"(export a table this large as CSV: it is read in one pass, without that limit; or check that a view has an end)",
     R"(мұндай үлкен кестені CSV файлына шығарыңыз: CSV бір өтуде, бұл шексіз оқылады; немесе көріністің соңы бар екенін тексеріңіз)",
     R"(выгрузите такую большую таблицу в CSV: CSV читается за один проход, без этого предела; или проверьте, что у представления есть конец)"},

    // ---- Data: databases.
    // After "cannot …: " comes the client library's message: SQLite's (`sqlite3_errmsg`) or the first
    // line of libpq's, both always English (ereje never sets a locale). The common ones are worded
    // below; another stays English inside the translated sentence (`{N:msg?}`), with the notice.
    {"data-db-connect", R"(cannot connect to the PostgreSQL database: {1})", R"(PostgreSQL дерекқорына қосылу мүмкін емес: {1:msg?})",
     R"(не удаётся подключиться к базе данных PostgreSQL: {1:msg?})"},
    {"data-db-connect",
     R"(check the URL (postgresql://USER@HOST:PORT/DATABASE) and that the server is running; give a password in PGPASSWORD or ~/.pgpass rather than in the URL)",
     R"(URL-ді (postgresql://USER@HOST:PORT/DATABASE) және сервердің жұмыс істеп тұрғанын тексеріңіз; құпиясөзді URL ішінде емес, PGPASSWORD айнымалысында немесе ~/.pgpass файлында беріңіз)",
     R"(проверьте URL (postgresql://USER@HOST:PORT/DATABASE) и то, что сервер запущен; пароль задайте в PGPASSWORD или ~/.pgpass, а не в URL)"},
    {"data-db-error", R"(cannot load the PostgreSQL client library: {1})", R"(PostgreSQL клиент кітапханасын жүктеу мүмкін емес: {1:msg?})",
     R"(не удаётся загрузить клиентскую библиотеку PostgreSQL: {1:msg?})"},
    {"data-db-error", R"(install it (Debian: apt-get install libpq5), or export the tables to CSV)",
     R"(оны орнатыңыз (Debian: apt-get install libpq5) немесе кестелерді CSV файлдарына шығарыңыз)",
     R"(установите её (Debian: apt-get install libpq5) или выгрузите таблицы в CSV)"},
    {"data-db-error", R"(cannot load the SQLite library: {1})", R"(SQLite кітапханасын жүктеу мүмкін емес: {1:msg?})",
     R"(не удаётся загрузить библиотеку SQLite: {1:msg?})"},
    {"data-db-error", R"(install it (Debian: apt-get install libsqlite3-0), or export the tables to CSV)",
     R"(оны орнатыңыз (Debian: apt-get install libsqlite3-0) немесе кестелерді CSV файлдарына шығарыңыз)",
     R"(установите её (Debian: apt-get install libsqlite3-0) или выгрузите таблицы в CSV)"},
    {"data-db-error", R"(cannot open the SQLite database: {1})", R"(SQLite дерекқорын ашу мүмкін емес: {1:msg?})",
     R"(не удаётся открыть базу данных SQLite: {1:msg?})"},
    {"data-db-error", R"(cannot read the SQLite database: {1})", R"(SQLite дерекқорын оқу мүмкін емес: {1:msg?})",
     R"(не удаётся прочитать базу данных SQLite: {1:msg?})"},
    {"data-db-error", R"(cannot read the table: {1})", R"(кестені оқу мүмкін емес: {1:msg?})", R"(не удаётся прочитать таблицу: {1:msg?})"},
    {"data-db-error", R"(cannot set up the session: {1})", R"(сеансты баптау мүмкін емес: {1:msg?})",
     R"(не удаётся настроить сеанс: {1:msg?})"},
    {"data-db-error", R"(cannot start a read-only transaction: {1})", R"(тек оқуға арналған транзакцияны бастау мүмкін емес: {1:msg?})",
     R"(не удаётся начать транзакцию только для чтения: {1:msg?})"},
    {"data-db-error", R"(cannot list the tables: {1})", R"(кестелер тізімін алу мүмкін емес: {1:msg?})",
     R"(не удаётся получить список таблиц: {1:msg?})"},
    {"data-db-error", R"(cannot end the transaction: {1})", R"(транзакцияны аяқтау мүмкін емес: {1:msg?})",
     R"(не удаётся завершить транзакцию: {1:msg?})"},
    {"data-db-error", R"(check that the user may read the tables of data.md in this database)",
     R"(пайдаланушының осы дерекқордағы data.md кестелерін оқуға құқығы бар екенін тексеріңіз)",
     R"(проверьте, что пользователь может читать таблицы data.md в этой базе данных)"},
    {"data-db-error", R"(check that the file is a SQLite 3 database holding the tables of data.md)",
     R"(файлдың data.md кестелері бар SQLite 3 дерекқоры екенін тексеріңіз)",
     R"(проверьте, что файл — база данных SQLite 3 с таблицами data.md)"},
    // SQLite's messages (`sqlite3_errmsg`) that a read-only reader can meet: a file that is no
    // database, or a damaged or newer one; a lock held by a writer past the 5 s wait; a view that
    // reads what is not there.
    {"data-db-error", R"(file is not a database)", R"(файл дерекқор емес)", R"(файл не является базой данных)"},
    {"data-db-error", R"(unable to open database file)", R"(дерекқор файлын ашу мүмкін емес)",
     R"(не удаётся открыть файл базы данных)"},
    {"data-db-error", R"(database disk image is malformed)", R"(дерекқордың дискідегі бейнесі бүлінген)",
     R"(образ базы данных на диске повреждён)"},
    {"data-db-error", R"(malformed database schema ({1}) - {2})", R"(дерекқор схемасы бүлінген ({1}): {2:msg?})",
     R"(схема базы данных повреждена ({1}): {2:msg?})"},
    {"data-db-error", R"(malformed database schema ({1}))", R"(дерекқор схемасы бүлінген ({1}))",
     R"(схема базы данных повреждена ({1}))"},
    {"data-db-error", R"(incomplete input)", R"(енгізілген мәтін толық емес)", R"(неполный ввод)"},
    {"data-db-error", R"(near "{1}": syntax error)", R"("{1}" маңында синтаксис қатесі)", R"(синтаксическая ошибка рядом с "{1}")"},
    {"data-db-error", R"(unsupported file format)", R"(файл пішіміне қолдау көрсетілмейді)", R"(неподдерживаемый формат файла)"},
    {"data-db-error", R"(database is locked)", R"(дерекқор құлыпталған)", R"(база данных заблокирована)"},
    {"data-db-error", R"(database table is locked)", R"(дерекқор кестесі құлыпталған)", R"(таблица базы данных заблокирована)"},
    {"data-db-error", R"(disk I/O error)", R"(дискіні енгізу-шығару қатесі)", R"(ошибка ввода-вывода диска)"},
    {"data-db-error", R"(attempt to write a readonly database)", R"(тек оқуға ашылған дерекқорға жазу әрекеті)",
     R"(попытка записи в базу данных, открытую только для чтения)"},
    {"data-db-error", R"(database or disk is full)", R"(дерекқор немесе диск толып кеткен)", R"(база данных или диск переполнены)"},
    {"data-db-error", R"(access permission denied)", R"(қатынауға рұқсат жоқ)", R"(нет прав доступа)"},
    {"data-db-error", R"(string or blob too big)", R"(мәтін жолы немесе бинарлық мән тым үлкен)",
     R"(строка или двоичное значение слишком велики)"},
    {"data-db-error", R"(no such table: {1})", R"({1} кестесі жоқ)", R"(нет таблицы {1})"},
    {"data-db-error", R"(no such column: {1})", R"({1} бағаны жоқ)", R"(нет столбца {1})"},
    {"data-db-error", R"(no such function: {1})", R"({1} функциясы жоқ)", R"(нет функции {1})"},
    {"data-db-error", R"(no such module: {1})", R"({1} модулі жоқ)", R"(нет модуля {1})"},
    {"data-db-error", R"(no such collation sequence: {1})", R"({1} сұрыптау тәртібі жоқ)", R"(нет правила сортировки {1})"},
    {"data-db-error", R"(view {1} is circularly defined)", R"({1} көрінісі өзі арқылы анықталған)",
     R"(представление {1} определено через само себя)"},
    // libpq's first line, after either code (shared: "*"). A connection's failure names the server;
    // the reason after it is the system's, the name resolver's or the server's. Quoted names, hosts,
    // addresses and socket paths stay as written.
    {"*", R"(connection to server on socket "{1}" failed: {2})", R"("{1}" сокеті арқылы серверге қосылу сәтсіз аяқталды: {2:msg?})",
     R"(не удалось подключиться к серверу через сокет "{1}": {2:msg?})"},
    {"*", R"(connection to server at "{1}" ({2}), port {3} failed: {4})",
     R"("{1}" ({2}) серверіне {3} порты арқылы қосылу сәтсіз аяқталды: {4:msg?})",
     R"(не удалось подключиться к серверу "{1}" ({2}), порт {3}: {4:msg?})"},
    {"*", R"(connection to server at "{1}", port {2} failed: {3})",
     R"("{1}" серверіне {2} порты арқылы қосылу сәтсіз аяқталды: {3:msg?})",
     R"(не удалось подключиться к серверу "{1}", порт {2}: {3:msg?})"},
    {"*", R"(could not connect to server: {1})", R"(серверге қосылу мүмкін болмады: {1:msg?})",
     R"(не удалось подключиться к серверу: {1:msg?})"},
    {"*", R"(could not translate host name "{1}" to address: {2})",
     R"("{1}" хост атауын мекенжайға түрлендіру мүмкін болмады: {2:msg?})",
     R"(не удалось преобразовать имя компьютера "{1}" в адрес: {2:msg?})"},
    {"*", R"(invalid URI query parameter: "{1}")", R"(URI сұрауында жарамсыз параметр бар: "{1}")",
     R"(недопустимый параметр в запросе URI: "{1}")"},
    {"*", R"(invalid port number: "{1}")", R"(жарамсыз порт нөмірі: "{1}")", R"(неверный номер порта: "{1}")"},
    {"*", R"(invalid integer value "{1}" for connection option "{2}")", R"("{2}" қосылу параметрінің бүтін мәні жарамсыз: "{1}")",
     R"(неверное целое значение "{1}" для параметра подключения "{2}")"},
    {"*", R"(invalid {1} value: "{2}")", R"({1} параметрінің мәні жарамсыз: "{2}")", R"(неверное значение параметра {1}: "{2}")"},
    {"*", R"(fe_sendauth: no password supplied)", R"(құпиясөз берілмеген)", R"(пароль не указан)"},
    {"*", R"(timeout expired)", R"(күту уақыты өтіп кетті)", R"(время ожидания истекло)"},
    {"*", R"(server closed the connection unexpectedly)", R"(сервер қосылымды күтпеген жерден жапты)",
     R"(сервер неожиданно закрыл соединение)"},
    {"*", R"(no connection to the server)", R"(сервермен қосылым жоқ)", R"(нет соединения с сервером)"},
    {"*", R"(server does not support SSL, but SSL was required)", R"(сервер SSL қолдамайды, ал SSL талап етілген)",
     R"(сервер не поддерживает SSL, но SSL был затребован)"},
    {"*", R"(out of memory)", R"(жад жеткіліксіз)", R"(недостаточно памяти)"},
    // The system's reason (strerror, gai_strerror, dlerror).
    {"*", R"(No such file or directory)", R"(мұндай файл немесе қалта жоқ)", R"(нет такого файла или каталога)"},
    {"*", R"(Connection refused)", R"(қосылудан бас тартылды)", R"(в соединении отказано)"},
    {"*", R"(Connection timed out)", R"(қосылуды күту уақыты өтіп кетті)", R"(время ожидания соединения истекло)"},
    {"*", R"(Connection reset by peer)", R"(қосылымды екінші тарап үзді)", R"(соединение сброшено другой стороной)"},
    {"*", R"(No route to host)", R"(хостқа дейін маршрут жоқ)", R"(нет маршрута до компьютера)"},
    {"*", R"(Network is unreachable)", R"(желі қолжетімсіз)", R"(сеть недоступна)"},
    {"*", R"(Permission denied)", R"(рұқсат жоқ)", R"(отказано в доступе)"},
    // ... and when an output is written (cli/Common.cpp, cli/main.cpp).
    {"*", R"(No space left on device)", R"(құрылғыда бос орын қалмады)", R"(на устройстве не осталось свободного места)"},
    {"*", R"(Disk quota exceeded)", R"(диск квотасы асып кетті)", R"(превышена дисковая квота)"},
    {"*", R"(Broken pipe)", R"(арна үзілді)", R"(обрыв канала)"},
    {"*", R"(File exists)", R"(файл бар)", R"(файл существует)"},
    {"*", R"(Not a directory)", R"(бұл қалта емес)", R"(это не каталог)"},
    {"*", R"(Is a directory)", R"(бұл — қалта)", R"(это каталог)"},
    {"*", R"(Read-only file system)", R"(файлдық жүйе тек оқуға арналған)", R"(файловая система доступна только для чтения)"},
    {"*", R"(Too many open files)", R"(ашық файлдар тым көп)", R"(слишком много открытых файлов)"},
    {"*", R"(Input/output error)", R"(енгізу-шығару қатесі)", R"(ошибка ввода/вывода)"},
    {"*", R"(Operation not permitted)", R"(операцияға рұқсат жоқ)", R"(операция не позволена)"},
    {"*", R"(Cannot assign requested address)", R"(сұралған мекенжайды тағайындау мүмкін емес)",
     R"(не удаётся назначить запрошенный адрес)"},
    {"*", R"(Name or service not known)", R"(мұндай атау немесе қызмет белгісіз)", R"(имя или служба не известны)"},
    {"*", R"(Temporary failure in name resolution)", R"(атауды шешу уақытша сәтсіз аяқталды)",
     R"(временный сбой при разрешении имени)"},
    {"*", R"(No address associated with hostname)", R"(бұл хост атауына ешбір мекенжай байланбаған)",
     R"(с этим именем компьютера не связан ни один адрес)"},
    {"*", R"({1}: cannot open shared object file: {2})", R"({1}: ортақ кітапхана файлын ашу мүмкін емес: {2:msg?})",
     R"({1}: не удаётся открыть файл разделяемой библиотеки: {2:msg?})"},
    // The server's messages, after its severity (two spaces, as libpq writes it). A server set to
    // another language sends its own words, which stay as they come.
    {"*", R"(FATAL:  {1})", R"(сервер бас тартты: {1:msg?})", R"(сервер отказал: {1:msg?})"},
    {"*", R"(ERROR:  {1})", R"(сервер қатесі: {1:msg?})", R"(ошибка сервера: {1:msg?})"},
    {"*", R"(password authentication failed for user "{1}")", R"("{1}" пайдаланушысы құпиясөз арқылы түпнұсқалықтан өтпеді)",
     R"(пользователь "{1}" не прошёл проверку подлинности по паролю)"},
    {"*", R"(Peer authentication failed for user "{1}")", R"("{1}" пайдаланушысы peer әдісімен түпнұсқалықтан өтпеді)",
     R"(пользователь "{1}" не прошёл проверку подлинности методом peer)"},
    {"*", R"(Ident authentication failed for user "{1}")", R"("{1}" пайдаланушысы ident әдісімен түпнұсқалықтан өтпеді)",
     R"(пользователь "{1}" не прошёл проверку подлинности методом ident)"},
    {"*", R"(database "{1}" does not exist)", R"("{1}" дерекқоры жоқ)", R"(база данных "{1}" не существует)"},
    {"*", R"(role "{1}" does not exist)", R"("{1}" рөлі жоқ)", R"(роль "{1}" не существует)"},
    {"*", R"(no pg_hba.conf entry for host "{1}", user "{2}", database "{3}", {4})",
     R"(pg_hba.conf файлында "{1}" хосты, "{2}" пайдаланушысы, "{3}" дерекқоры үшін жазба жоқ ({4:msg}))",
     R"(в pg_hba.conf нет записи для компьютера "{1}", пользователя "{2}", базы данных "{3}" ({4:msg}))"},
    {"*", R"(no encryption)", R"(шифрлаусыз)", R"(без шифрования)"},
    {"*", R"(SSL encryption)", R"(SSL шифрлауымен)", R"(с шифрованием SSL)"},
    {"*", R"(GSS encryption)", R"(GSS шифрлауымен)", R"(с шифрованием GSS)"},
    {"*", R"(SSL off)", R"(SSL-сіз)", R"(без SSL)"},
    {"*", R"(SSL on)", R"(SSL арқылы)", R"(с SSL)"},
    {"*", R"(permission denied for database "{1}")", R"("{1}" дерекқорына қатынауға рұқсат жоқ)",
     R"(нет доступа к базе данных "{1}")"},
    {"*", R"(database "{1}" is not currently accepting connections)", R"("{1}" дерекқоры қазір қосылымдарды қабылдамайды)",
     R"(база данных "{1}" сейчас не принимает подключения)"},
    {"*", R"(the database system is starting up)", R"(дерекқор жүйесі іске қосылып жатыр)", R"(система баз данных запускается)"},
    {"*", R"(the database system is shutting down)", R"(дерекқор жүйесі тоқтатылып жатыр)", R"(система баз данных останавливается)"},
    {"*", R"(the database system is in recovery mode)", R"(дерекқор жүйесі қалпына келтіру режимінде)",
     R"(система баз данных в режиме восстановления)"},
    {"*", R"(sorry, too many clients already)", R"(қосылған клиенттер тым көп)", R"(слишком много подключений)"},
    {"*", R"(terminating connection due to administrator command)", R"(қосылымды әкімшінің командасы үзді)",
     R"(подключение прервано по команде администратора)"},
    {"*", R"(canceling statement due to statement timeout)", R"(сұрау орындалу уақытының шегі өткендіктен тоқтатылды)",
     R"(выполнение запроса прервано по истечении времени ожидания)"},
    {"*", R"(permission denied for table {1})", R"({1} кестесіне қатынауға рұқсат жоқ)", R"(нет доступа к таблице {1})"},
    {"*", R"(permission denied for view {1})", R"({1} көрінісіне қатынауға рұқсат жоқ)", R"(нет доступа к представлению {1})"},
    {"*", R"(permission denied for materialized view {1})", R"({1} материалдандырылған көрінісіне қатынауға рұқсат жоқ)",
     R"(нет доступа к материализованному представлению {1})"},
    {"*", R"(permission denied for foreign table {1})", R"({1} сыртқы кестесіне қатынауға рұқсат жоқ)",
     R"(нет доступа к сторонней таблице {1})"},
    {"*", R"(permission denied for schema {1})", R"({1} схемасына қатынауға рұқсат жоқ)", R"(нет доступа к схеме {1})"},
    {"*", R"(relation "{1}" does not exist)", R"("{1}" қатынасы жоқ)", R"(отношение "{1}" не существует)"},
    // A value of a type that is never a code, text, date or boolean, after the row's place.
    {"data-db-value", R"(column `{1}` holds the real number {2})", R"(`{1}` бағанында нақты сан (REAL) тұр: {2})",
     R"(в столбце `{1}` вещественное число (REAL): {2})"},
    {"data-db-value", R"(column `{1}` holds a BLOB)", R"(`{1}` бағанында BLOB тұр)", R"(в столбце `{1}` значение типа BLOB)"},
    {"data-db-value", R"(column `{1}` holds text that is not UTF-8)", R"(`{1}` бағанындағы мәтін UTF-8 кодтауында емес)",
     R"(в столбце `{1}` текст не в кодировке UTF-8)"},
    {"data-db-value", R"(column `{1}` holds the number {2})", R"(`{1}` бағанында сан тұр: {2})", R"(в столбце `{1}` число: {2})"},
    {"data-db-value", R"(column `{1}` holds the timestamp {2})", R"(`{1}` бағанында уақыт белгісі (timestamp) тұр: {2})",
     R"(в столбце `{1}` отметка времени (timestamp): {2})"},
    {"data-db-value", R"(column `{1}` holds bytes (bytea))", R"(`{1}` бағанында байттар (bytea) тұр)",
     R"(в столбце `{1}` байты (bytea))"},
    {"data-db-value", R"(a REAL is a binary approximation: store the exact decimal as TEXT (e.g. '4.87') or INTEGER)",
     R"(REAL — екілік жуықтау: дәл ондық санды TEXT (мысалы, '4.87') не INTEGER ретінде сақтаңыз)",
     R"(REAL — двоичное приближение: храните точное десятичное число как TEXT (например, '4.87') или INTEGER)"},
    {"data-db-value", R"(codes, texts and dates are TEXT, booleans INTEGER 0/1 or TEXT true/false: store it as one)",
     R"(кодтар, мәтіндер мен күндер TEXT ретінде, логикалық мәндер INTEGER 0/1 не TEXT true/false ретінде сақталады: мәнді солардың бірімен сақтаңыз)",
     R"(коды, тексты и даты хранятся как TEXT, логические значения — как INTEGER 0/1 или TEXT true/false: сохраните значение одним из них)"},
    {"data-db-value", R"(store the value as TEXT (UTF-8))", R"(мәнді TEXT (UTF-8) ретінде сақтаңыз)",
     R"(храните значение как TEXT (UTF-8))"},
    {"data-db-value", R"(store text as UTF-8 (a database created with another encoding needs converting))",
     R"(мәтінді UTF-8 кодтауында сақтаңыз (басқа кодтаумен жасалған дерекқорды түрлендіру керек))",
     R"(храните текст в кодировке UTF-8 (базу, созданную в другой кодировке, нужно перекодировать))"},
    {"data-db-value", R"(codes, texts and dates are text or date columns, booleans boolean: store it as one)",
     R"(кодтар, мәтіндер мен күндер text не date бағандарында, логикалық мәндер boolean бағанында сақталады: мәнді солардың бірімен сақтаңыз)",
     R"(коды, тексты и даты хранятся в столбцах text или date, логические значения — в boolean: сохраните значение одним из них)"},
    {"data-db-value", R"(store dates as the type date (or text YYYY-MM-DD))", R"(күндерді date типімен (не YYYY-MM-DD мәтінімен) сақтаңыз)",
     R"(храните даты с типом date (или текстом YYYY-MM-DD))"},
    {"data-db-value", R"(store the value as text)", R"(мәнді мәтін ретінде сақтаңыз)", R"(храните значение как текст)"},
    {"data-db-value", R"({1} more rows like these in column `{2}`)", R"(`{2}` бағанында осындай тағы {1} жол бар)",
     R"(в столбце `{2}` ещё {1|такая строка|такие строки|таких строк})"},

    // ---- Run-time warnings.
    {"out-of-range", R"(body {1}: clause {2} result {3} = {4} is outside its range {5}..{6}; kept, not clamped, and flagged out_of_range)",
     R"({1} органы: {2}-тармақтың {3} = {4} нәтижесі өз ауқымынан ({5}..{6}) тыс; мән қысқартылмай сақталды және out_of_range деп белгіленді)",
     R"(орган {1}: результат {3} = {4} пункта {2} вне своего диапазона {5}..{6}; сохранён без усечения и помечен out_of_range)"},
    {"out-of-range", R"(check the body's data for rows that contradict each other; the value is reported as computed)",
     R"(органның деректерінде бір-біріне қайшы жолдар бар-жоғын тексеріңіз; мән есептелген күйінде беріледі)",
     R"(проверьте, нет ли в данных органа противоречащих друг другу строк; значение выводится как вычислено)"},
    {"out-of-range-part",
     R"(body {1}: clause {2} result {3} = {4} uses clause {5} result {6}, which is out of range for this body; flagged out_of_range too)",
     R"({1} органы: {2}-тармақтың {3} = {4} нәтижесі {5}-тармақтың {6} нәтижесін пайдаланады, ал ол бұл орган үшін ауқымнан тыс; бұл нәтиже де out_of_range деп белгіленді)",
     R"(орган {1}: результат {3} = {4} пункта {2} использует результат {6} пункта {5}, который для этого органа вне диапазона; тоже помечен out_of_range)"},
    {"out-of-range-part", R"(check the part's data first: `ereje explain` shows it)",
     R"(алдымен құрамдас бөліктің деректерін тексеріңіз: оларды `ereje explain` көрсетеді)",
     R"(сначала проверьте данные составляющей: их показывает `ereje explain`)"},
    {"part-not-in-force", R"(clause {1} reads clause {2}, which is not in force on {3}: what it reads of it is n/a)",
     R"({1}-тармақ {2}-тармақты оқиды, ал ол {3} күні қолданыста емес: одан оқылатын мән — n/a)",
     R"(пункт {1} читает пункт {2}, который не действует на {3}: прочитанное из него — n/a)"},
    {"part-not-in-force", R"(evaluate on a date when both clauses are in force)", R"(екі тармақ та қолданыста болатын күнге бағалаңыз)",
     R"(выполните оценку на дату, когда действуют оба пункта)"},
    {"rank-no-group", R"(body {1} has no `{2}` in the table of bodies: rank {3} of clause {4} leaves it unranked)",
     R"(органдар кестесінде {1} органының `{2}` мәні жоқ: {4}-тармақтың {3} рейтингі оған орын бермейді)",
     R"(у органа {1} нет `{2}` в таблице органов: рейтинг {3} пункта {4} оставляет его без места)"},
    {"rank-no-group", R"(fill in the body's {1} in the table of bodies)", R"(органдар кестесінде органның {1} мәнін толтырыңыз)",
     R"(заполните {1} органа в таблице органов)"},
    {"undecidable-row", R"(this row leaves `{1}` undecided (an empty value, or a definition that is n/a); the result is n/a for this body)",
     R"(бұл жол `{1}` шартын шешусіз қалдырады (бос мән немесе n/a болған анықтама); бұл орган үшін нәтиже — n/a)",
     R"(эта строка оставляет `{1}` неопределённым (пустое значение или определение со значением n/a); результат для этого органа — n/a)"},
    {"undecidable-row", R"(this row leaves `{1}` undecided (an empty value, or a definition that is n/a); the result is n/a for every body)",
     R"(бұл жол `{1}` шартын шешусіз қалдырады (бос мән немесе n/a болған анықтама); барлық орган үшін нәтиже — n/a)",
     R"(эта строка оставляет `{1}` неопределённым (пустое значение или определение со значением n/a); результат для всех органов — n/a)"},
    {"undecidable-row", R"(rule at {1}: guard empty values with missing(...))", R"({1} орнындағы ереже: бос мәндерді missing(...) арқылы тексеріңіз)",
     R"(правило в {1}: проверяйте пустые значения через missing(...))"},
    // ereje's own command-line messages (cli/MessageLines.hpp): the command line, options, dates,
    // outputs refused, receipts.
    {"cli", R"(an empty argument)", R"(бос аргумент)", R"(пустой аргумент)"},
    {"cli", R"(name the rule files, folders or paths (an unset shell variable leaves an argument empty))",
     R"(ереже файлдарын, қалталарды немесе жолдарды атаңыз (мәні берілмеген shell айнымалысы аргументті бос қалдырады))",
     R"(укажите файлы правил, папки или пути (незаданная переменная оболочки оставляет аргумент пустым))"},
    {"cli", R"(option `{1}` has an empty value)", R"(`{1}` параметрінің мәні бос)", R"(у параметра `{1}` пустое значение)"},
    {"cli", R"(give a value (an unset shell variable leaves it empty), or leave the option out for its default)",
     R"(мән беріңіз (мәні берілмеген shell айнымалысы оны бос қалдырады) немесе әдепкі мән үшін параметрді жазбаңыз)",
     R"(укажите значение (незаданная переменная оболочки оставляет его пустым) или не указывайте параметр, чтобы взять значение по умолчанию)"},
    {"cli", R"(EREJE_THREADS is `{1}`: expected a whole number of threads from 1 to 256)",
     R"(EREJE_THREADS мәні `{1}`: 1-ден 256-ға дейінгі бүтін ағындар саны күтілген еді)",
     R"(EREJE_THREADS равно `{1}`: ожидалось целое число потоков от 1 до 256)"},
    {"cli", R"(unset it to use every core, or set EREJE_THREADS=1 for one thread)",
     R"(барлық ядроны пайдалану үшін оны алып тастаңыз немесе бір ағын үшін EREJE_THREADS=1 орнатыңыз)",
     R"(уберите её, чтобы использовать все ядра, или задайте EREJE_THREADS=1 для одного потока)"},
    {"cli", R"(EREJE_HEAP is `{1}`: the only value is `plain`)", R"(EREJE_HEAP мәні `{1}`: жалғыз рұқсат етілген мән — `plain`)",
     R"(EREJE_HEAP равно `{1}`: допустимо только значение `plain`)"},
    {"cli", R"(unset it for the heap ereje prepares, or set EREJE_HEAP=plain for malloc's defaults)",
     R"(ereje дайындайтын үйме үшін оны алып тастаңыз немесе malloc-тың әдепкі баптаулары үшін EREJE_HEAP=plain орнатыңыз)",
     R"(уберите её, чтобы ereje подготовил кучу сам, или задайте EREJE_HEAP=plain для настроек malloc по умолчанию)"},
    {"cli", R"(unknown command `{1}`)", R"(`{1}` командасы белгісіз)", R"(неизвестная команда `{1}`)"},
    {"cli", R"(no command given)", R"(команда берілмеген)", R"(команда не указана)"},
    {"cli", R"(the commands are {1}; see `ereje --help`)", R"(командалар: {1}; `ereje --help` қараңыз)",
     R"(команды: {1}; см. `ereje --help`)"},
    {"cli", R"(unexpected argument `{1}`)", R"(күтілмеген аргумент: `{1}`)", R"(неожиданный аргумент `{1}`)"},
    {"cli", R"(unexpected argument)", R"(күтілмеген аргумент)", R"(неожиданный аргумент)"},
    {"cli", R"(see `ereje {1} --help` for the options)", R"(параметрлерді `ereje {1} --help` арқылы қараңыз)",
     R"(параметры команды — в `ereje {1} --help`)"},
    {"cli", R"(see `ereje --help` for the options)", R"(параметрлерді `ereje --help` арқылы қараңыз)", R"(параметры — в `ereje --help`)"},
    {"cli", R"(see `ereje {1} --help`)", R"(`ereje {1} --help` қараңыз)", R"(см. `ereje {1} --help`)"},
    // CLI11's parse errors, lowercased (cli/main.cpp).
    {"cli", R"({1}: 1 required TEXT missing)", R"({1} параметрінің мәні берілмеген)", R"(не указано значение {1})"},
    {"cli", R"({1}: {2} required TEXT missing)", R"({1} параметрінің {2} мәні берілмеген)", R"(не указаны значения {1} (нужно {2}))"},
    {"cli", R"({1} is required)", R"({1} міндетті түрде берілуі керек)", R"(нужно указать {1})"},
    {"cli", R"({1} excludes {2})", R"({1} мен {2} бірге берілмейді)", R"({1} нельзя указывать вместе с {2})"},
    {"cli", R"({1} requires {2})", R"({1} үшін {2} де керек)", R"({1} требует {2})"},
    // Dates, versions in force.
    {"cli", R"({1} `{2}` is not a date)", R"({1} мәні `{2}` күн емес)", R"({1} `{2}` — не дата)"},
    {"cli", R"(write the date as YYYY-MM-DD, e.g. 2024-01-01)", R"(күнді YYYY-MM-DD түрінде жазыңыз, мысалы 2024-01-01)",
     R"(запишите дату как YYYY-MM-DD, например 2024-01-01)"},
    {"cli", R"(no --as-of given: evaluating as of {1} (today, UTC))", R"(--as-of берілмеген: {1} күнгі (бүгінгі, UTC) жағдай бойынша бағаланады)",
     R"(--as-of не указан: оценка на {1} (сегодня, UTC))"},
    {"cli", R"(no --as-of given: explaining as of {1} (today, UTC))", R"(--as-of берілмеген: {1} күнгі (бүгінгі, UTC) жағдай бойынша түсіндіріледі)",
     R"(--as-of не указан: объяснение на {1} (сегодня, UTC))"},
    {"cli", R"(no --as-of given: reporting as of {1} (today, UTC))", R"(--as-of берілмеген: есеп {1} күнгі (бүгінгі, UTC) жағдай бойынша жасалады)",
     R"(--as-of не указан: отчёт на {1} (сегодня, UTC))"},
    {"cli", R"(no --as-of given: listing the contract as of {1} (today, UTC))",
     R"(--as-of берілмеген: деректер сипаттамасы {1} күнгі (бүгінгі, UTC) жағдай бойынша көрсетіледі)",
     R"(--as-of не указан: описание данных на {1} (сегодня, UTC))"},
    {"cli", R"(no version of the rules is in force on {1})", R"({1} күні ережелердің бірде-бір редакциясы күшінде емес)",
     R"(на {1} не действует ни одна редакция правил)"},
    {"cli", R"(the earliest rules take effect on {1})", R"(ең ерте ережелер {1} күні күшіне енеді)", R"(самые ранние правила вступают в силу {1})"},
    {"cli", R"(no version of `{1}` is in force on {2})", R"({2} күні `{1}` ережелерінің бірде-бір редакциясы күшінде емес)",
     R"(на {2} не действует ни одна редакция `{1}`)"},
    {"cli", R"(its earliest rules take effect on {1})", R"(оның ең ерте ережелері {1} күні күшіне енеді)",
     R"(его самые ранние правила вступают в силу {1})"},
    {"cli", R"(clause {1} has no version in force on {2})", R"({2} күні {1}-тармақтың күшіндегі редакциясы жоқ)",
     R"(у пункта {1} нет редакции, действующей на {2})"},
    {"cli", R"(the rules define clauses {1})", R"(ережелердегі тармақтар: {1})", R"(в правилах есть пункты {1})"},
    {"cli", R"(no body `{1}` in {2})", R"({2} ішінде `{1}` органы жоқ)", R"(в {2} нет органа `{1}`)"},
    {"cli", R"(did you mean `{1}`?)", R"(`{1}` болуы мүмкін бе?)", R"(возможно, имелось в виду `{1}`?)"},
    {"cli", R"(the bodies are listed in the data's table of bodies)", R"(органдар деректердің органдар кестесінде тізілген)",
     R"(органы перечислены в таблице органов данных)"},
    {"cli", R"(the bodies' codes are listed in {1} (column `{2}`))", R"(органдардың кодтары {1} кестесінде (`{2}` бағанында) тізілген)",
     R"(коды органов перечислены в {1} (столбец `{2}`))"},
    // Options of one command.
    {"cli", R"(unknown language `{1}`)", R"(`{1}` тілі белгісіз)", R"(неизвестный язык `{1}`)"},
    {"cli", R"(use kk, ru or en)", R"(kk, ru немесе en қолданыңыз)", R"(используйте kk, ru или en)"},
    {"cli", R"(unknown format `{1}`)", R"(`{1}` пішімі белгісіз)", R"(неизвестный формат `{1}`)"},
    {"cli", R"(use {1} or {2})", R"({1} немесе {2} қолданыңыз)", R"(используйте {1} или {2})"},
    {"cli", R"(use {1}, {2} or {3})", R"({1}, {2} немесе {3} қолданыңыз)", R"(используйте {1}, {2} или {3})"},
    {"cli", R"(use {1}, {2}, {3} or {4})", R"({1}, {2}, {3} немесе {4} қолданыңыз)", R"(используйте {1}, {2}, {3} или {4})"},
    {"cli", R"(use {1}, {2}, {3}, {4} or {5})", R"({1}, {2}, {3}, {4} немесе {5} қолданыңыз)", R"(используйте {1}, {2}, {3}, {4} или {5})"},
    {"cli", R"(`run` does not write HTML)", R"(`run` HTML жазбайды)", R"(`run` не пишет HTML)"},
    {"cli", R"(`ereje report RULES --data DIR --output FILE.html` writes the results as a page)",
     R"(нәтижелерді бет ретінде `ereje report RULES --data DIR --output FILE.html` жазады)",
     R"(результаты в виде страницы пишет `ereje report RULES --data DIR --output FILE.html`)"},
    {"cli", R"(--data cannot be given with --data-before and --data-after)", R"(--data параметрін --data-before және --data-after параметрлерімен бірге беруге болмайды)",
     R"(--data нельзя указывать вместе с --data-before и --data-after)"},
    {"cli", R"(one data set for both sides: `--data DATA`; two data sets, one per side: `--data-before OLD --data-after NEW`)",
     R"(екі жаққа бір деректер жиыны: `--data DATA`; әр жаққа бір-бірден екі деректер жиыны: `--data-before OLD --data-after NEW`)",
     R"(один набор данных для обеих сторон: `--data DATA`; два набора, по одному на сторону: `--data-before OLD --data-after NEW`)"},
    {"cli", R"(--data-after is given without --data-before)", R"(--data-after параметрі --data-before параметрінсіз берілген)",
     R"(--data-after указан без --data-before)"},
    {"cli", R"(--data-before is given without --data-after)", R"(--data-before параметрі --data-after параметрінсіз берілген)",
     R"(--data-before указан без --data-after)"},
    {"cli", R"(give both, one data set per side: `{1}`)", R"(екеуін де беріңіз, әр жаққа бір деректер жиыны: `{1}`)",
     R"(укажите оба, по одному набору данных на сторону: `{1}`)"},
    {"cli", R"(--from and --to go together, with one rule set)", R"(--from мен --to бірге, бір ережелер жиынымен беріледі)",
     R"(--from и --to указываются вместе, с одним набором правил)"},
    {"cli", R"(`{1}`, or `{2}`)", R"(`{1}` немесе `{2}`)", R"(`{1}` или `{2}`)"},
    {"cli", R"(diff needs two rule sets, or one with --from and --to, or one with --data-before and --data-after)",
     R"(diff үшін екі ережелер жиыны керек, не --from және --to берілген біреуі, не --data-before және --data-after берілген біреуі)",
     R"(для diff нужны два набора правил, или один с --from и --to, или один с --data-before и --data-after)"},
    {"cli", R"(`{1}`, `{2}`, `{3}`, or `{4}`)", R"(`{1}`, `{2}`, `{3}` немесе `{4}`)", R"(`{1}`, `{2}`, `{3}` или `{4}`)"},
    {"cli", R"(comparing the versions in force on {1} (the latest date the rules take effect; choose another with --as-of))",
     R"({1} күні күшіндегі редакциялар салыстырылады (ережелер күшіне енетін ең соңғы күн; басқасын --as-of арқылы таңдаңыз))",
     R"(сравниваются редакции, действующие на {1} (последняя дата вступления правил в силу; другую выберите через --as-of))"},
    {"cli", R"(comparing the versions in force on {1} (the latest date either rule set takes effect; choose another with --as-of))",
     R"({1} күні күшіндегі редакциялар салыстырылады (екі ережелер жиынының бірі күшіне енетін ең соңғы күн; басқасын --as-of арқылы таңдаңыз))",
     R"(сравниваются редакции, действующие на {1} (последняя дата вступления в силу любого из наборов правил; другую выберите через --as-of))"},
    {"cli", R"(whatif asks one question: give --set NAME=EXPR (one or more) or --target RESULT>=VALUE)",
     R"(whatif бір сұрақ қояды: --set NAME=EXPR (бір немесе бірнеше) не --target RESULT>=VALUE беріңіз)",
     R"(whatif задаёт один вопрос: укажите --set NAME=EXPR (один или несколько) или --target RESULT>=VALUE)"},
    {"cli", R"(e.g. `--set d=d+3`, or `--target T>=8`)", R"(мысалы, `--set d=d+3` немесе `--target T>=8`)",
     R"(например, `--set d=d+3` или `--target T>=8`)"},
    {"cli", R"(--set `{1}` is not NAME=EXPR)", R"(--set `{1}` NAME=EXPR түрінде емес)", R"(--set `{1}` — не в виде NAME=EXPR)"},
    {"cli", R"(e.g. `--set d=d+3` or `--set k=12`)", R"(мысалы, `--set d=d+3` немесе `--set k=12`)", R"(например, `--set d=d+3` или `--set k=12`)"},
    // diff's git revisions.
    {"cli", R"(`{1}` is not a git revision here)", R"(`{1}` мұнда git ревизиясы емес)", R"(`{1}` — здесь не ревизия git)"},
    {"cli", R"(run from inside the repository; check the revision with `git log`)",
     R"(репозиторийдің ішінен іске қосыңыз; ревизияны `git log` арқылы тексеріңіз)",
     R"(запускайте из репозитория; проверьте ревизию через `git log`)"},
    {"cli", R"(cannot read `{1}` at git revision `{2}`)", R"(`{2}` git ревизиясында `{1}` оқылмады)",
     R"(не удаётся прочитать `{1}` в ревизии git `{2}`)"},
    {"cli", R"(check the path with `git ls-tree {1}`)", R"(жолды `git ls-tree {1}` арқылы тексеріңіз)", R"(проверьте путь через `git ls-tree {1}`)"},
    {"cli", R"(the git revision `` is empty)", R"(git ревизиясы бос)", R"(ревизия git пуста)"},
    {"cli", R"(the git revision `{1}` is empty)", R"(`{1}` git ревизиясы бос)", R"(ревизия git `{1}` пуста)"},
    {"cli", R"(the git revision `{1}` starts with `-`, as an option does)", R"(`{1}` git ревизиясы параметр сияқты `-` таңбасынан басталады)",
     R"(ревизия git `{1}` начинается с `-`, как параметр)"},
    {"cli", R"(the git revision `{1}` holds a control character)", R"(`{1}` git ревизиясында басқару таңбасы бар)",
     R"(в ревизии git `{1}` есть управляющий символ)"},
    {"cli", R"(write REV:PATH with a revision as `git log` shows it (`HEAD~1`, a tag, a commit): `ereje diff HEAD~1:rules rules`)",
     R"(REV:PATH түрінде, ревизияны `git log` көрсеткендей жазыңыз (`HEAD~1`, тег, коммит): `ereje diff HEAD~1:rules rules`)",
     R"(пишите REV:PATH, с ревизией, как её показывает `git log` (`HEAD~1`, тег, коммит): `ereje diff HEAD~1:rules rules`)"},
    {"cli", R"(cannot make the folder {1}: a file of that name is there)", R"({1} қалтасын жасау мүмкін емес: осы атаулы файл бар)",
     R"(не удаётся создать папку {1}: там есть файл с таким именем)"},
    {"cli", R"(cannot make the folder {1}: {2})", R"({1} қалтасын жасау мүмкін емес: {2:msg?})", R"(не удаётся создать папку {1}: {2:msg?})"},
    {"cli", R"({1} already exists; templates are never written over a file)", R"({1} бар; үлгілер ешқашан файлдың үстінен жазылмайды)",
     R"({1} уже существует; шаблоны никогда не пишутся поверх файла)"},
    {"cli", R"(give --templates a new or empty folder)", R"(--templates параметріне жаңа немесе бос қалтаны беріңіз)",
     R"(укажите в --templates новую или пустую папку)"},
    {"cli", R"(the rules declare no table)", R"(ережелерде бірде-бір кесте жарияланбаған)", R"(в правилах не объявлено ни одной таблицы)"},
    {"cli", R"(pass the folder that holds the `table` declarations (e.g. rules, or rules/data))",
     R"(`table` жарияланымдары бар қалтаны беріңіз (мысалы, rules немесе rules/data))",
     R"(укажите папку с объявлениями `table` (например, rules или rules/data))"},
    {"cli", R"(cannot write {1}: {2})", R"({1} жазылмады: {2:msg?})", R"(не удаётся записать {1}: {2:msg?})"},
    {"cli", R"({1} already exists; import never writes over a file)", R"({1} бар; import ешқашан файлдың үстінен жазбайды)",
     R"({1} уже существует; import никогда не пишет поверх файла)"},
    {"cli", R"(give --output a new folder, or move the old skeleton away)", R"(--output параметріне жаңа қалтаны беріңіз немесе ескі қаңқаны басқа жерге көшіріңіз)",
     R"(укажите в --output новую папку или уберите старую заготовку)"},
    // What escapes a command (cli/main.cpp).
    {"cli", R"(out of memory: the input is larger than this machine's memory allows; no results written)",
     R"(жад жетпеді: кіріс деректері осы компьютердің жадынан үлкен; нәтижелер жазылмады)",
     R"(не хватило памяти: входные данные больше, чем позволяет память этой машины; результаты не записаны)"},
    {"cli", R"(the limits on data and rule files are listed in docs/security.md; run on a machine with more memory, or on part of the data)",
     R"(деректер мен ереже файлдарының шектері docs/security.md ішінде көрсетілген; жады көбірек компьютерде немесе деректердің бір бөлігімен іске қосыңыз)",
     R"(ограничения на данные и файлы правил перечислены в docs/security.md; запустите на машине с большим объёмом памяти или на части данных)"},
    {"cli", R"(the system refused a resource: {1}; no results written)", R"(жүйе ресурс бермеді: {1:msg?}; нәтижелер жазылмады)",
     R"(система отказала в ресурсе: {1:msg?}; результаты не записаны)"},
    {"cli", R"(the system's limit on threads or on memory was reached; with EREJE_THREADS=1 ereje starts one thread besides its first)",
     R"(жүйенің ағындар немесе жад шегіне жетті; EREJE_THREADS=1 болғанда ereje біріншісінен басқа тек бір ағын ашады)",
     R"(достигнут системный предел потоков или памяти; с EREJE_THREADS=1 ereje запускает один поток помимо первого)"},
    {"cli", R"(internal error: {1})", R"(ішкі қате: {1})", R"(внутренняя ошибка: {1})"},
    {"cli", R"(this is a fault in ereje, not in the rules or the data; please report it with the command that gave it)",
     R"(бұл — ережелердің немесе деректердің емес, ereje-нің ақауы; оны тудырған командамен бірге хабарлаңыз)",
     R"(это ошибка ereje, а не правил или данных; сообщите о ней, указав команду, которая её вызвала)"},
    // Outputs refused, receipts, --watch.
    {"cli", R"(`{1}` is a symbolic link: ereje does not write through links)", R"(`{1}` — символдық сілтеме: ereje сілтемелер арқылы жазбайды)",
     R"(`{1}` — символическая ссылка: ereje не пишет через ссылки)"},
    {"cli", R"(name the file the link points to, or another path)", R"(сілтеме көрсететін файлды немесе басқа жолды атаңыз)",
     R"(укажите файл, на который указывает ссылка, или другой путь)"},
    {"cli", R"(`{1}` is {2}, not a regular file: ereje writes its outputs only to regular files)",
     R"(`{1}` — {2:msg?}, кәдімгі файл емес: ereje нәтижелерін тек кәдімгі файлдарға жазады)",
     R"(`{1}` — {2:msg?}, а не обычный файл: ereje пишет результаты только в обычные файлы)"},
    {"cli", R"(to send the output elsewhere, write it to standard output (`--output -` or no --output) and redirect that)",
     R"(нәтижені басқа жерге жіберу үшін оны стандартты шығысқа жазыңыз (`--output -` немесе --output жоқ) және соны бағыттаңыз)",
     R"(чтобы отправить результат в другое место, выведите его в стандартный вывод (`--output -` или без --output) и перенаправьте его)"},
    {"cli", R"(`{1}` is {2}: ereje never writes over its own inputs and outputs)",
     R"(`{1}` — {2:msg?}: ereje өзі оқитын және жазатын файлдардың үстінен ешқашан жазбайды)",
     R"(`{1}` — {2:msg?}: ereje никогда не пишет поверх файлов, которые сама читает или пишет)"},
    {"cli", R"(give the output another name)", R"(шығысқа басқа атау беріңіз)", R"(дайте выводу другое имя)"},
    {"cli", R"(--output and --receipt name the same file `{1}`: the receipt would replace the results)",
     R"(--output пен --receipt бір файлды атайды (`{1}`): түбіртек нәтижелердің орнына жазылар еді)",
     R"(--output и --receipt указывают на один файл `{1}`: квитанция заменила бы результаты)"},
    {"cli", R"(give the receipt another name, e.g. results.receipt.json)", R"(түбіртекке басқа атау беріңіз, мысалы results.receipt.json)",
     R"(дайте квитанции другое имя, например results.receipt.json)"},
    {"cli", R"(cannot read receipt `{1}`)", R"(`{1}` түбіртегін оқу мүмкін емес)", R"(не удаётся прочитать квитанцию `{1}`)"},
    {"cli", R"(check the path; receipts are written by `ereje run … --receipt FILE`)",
     R"(жолды тексеріңіз; түбіртектерді `ereje run … --receipt FILE` жазады)",
     R"(проверьте путь; квитанции пишет `ereje run … --receipt FILE`)"},
    {"cli", R"(--watch cannot watch files here (inotify is not available))", R"(--watch мұнда файлдарды бақылай алмайды (inotify қолжетімсіз))",
     R"(--watch не может здесь следить за файлами (inotify недоступен))"},
    {"cli", R"(--watch found nothing to watch)", R"(--watch бақылайтын ештеңе таппады)", R"(--watch не нашёл, за чем следить)"},
    // CLI11's other parse errors, as cli/main.cpp shows them.
    {"cli", R"({1}: At Most 1 required but received {2})", R"({1} бір рет қана берілуі керек, ал ол {2} рет берілді)",
     R"({1} можно указать только один раз, а указано {2|раз|раза|раз})"},
    {"cli", R"({1}: At Most {2} required but received {3})", R"({1} мәндері {2:abl} аспауы керек, ал {3} мән берілді)",
     R"({1} допускает не больше {2} значений, а указано {3})"},
    {"cli", R"({1}: 1 required TEXT:{{2}} missing)", R"({1} параметрінің мәні берілмеген (мүмкін мәндері: {2}))",
     R"(не указано значение {1} (возможные значения: {2}))"},
    {"cli", R"({1}: {2} not in {{3}})", R"({1} параметрінің `{2}` мәні рұқсат етілгендердің қатарында жоқ ({3}))",
     R"(значение `{2}` не подходит для {1} (допустимы: {3}))"},
    {"cli", R"(could not convert: {1} = {2})", R"({1} = {2} мәнін оқу мүмкін болмады)", R"(не удалось прочитать значение {1} = {2})"},
    // The names of what an output may not be, and of what a command reads or writes
    // (cli/Common.cpp, output_allowed: `{2:msg?}` in the entries above).
    {"cli", R"(a folder)", R"(қалта)", R"(папка)"},
    {"cli", R"(a named pipe (FIFO))", R"(атаулы арна (FIFO))", R"(именованный канал (FIFO))"},
    {"cli", R"(a socket)", R"(сокет)", R"(сокет)"},
    {"cli", R"(a device)", R"(құрылғы)", R"(устройство)"},
    {"cli", R"(not a regular file)", R"(кәдімгі файл емес)", R"(не обычный файл)"},
    {"cli", R"(the same file as `{1}`, {2})", R"(`{1}` файлымен бір файл, {2:msg?})", R"(тот же файл, что и `{1}`, {2:msg?})"},
    {"cli", R"(a rule file this command reads)", R"(осы команда оқитын ереже файлы)", R"(файл правил, который читает эта команда)"},
    {"cli", R"(a data file this command reads)", R"(осы команда оқитын деректер файлы)", R"(файл данных, который читает эта команда)"},
    {"cli", R"(a file this command has just written)", R"(осы команда жаңа ғана жазған файл)",
     R"(файл, который эта команда только что записала)"},
    {"cli", R"(the act's text this command reads)", R"(осы команда оқитын акт мәтіні)", R"(текст акта, который читает эта команда)"},
    {"cli", R"(the receipt this command replays)", R"(осы команда қайта орындайтын түбіртек)",
     R"(квитанция, которую воспроизводит эта команда)"},
    {"cli", R"(cannot write to standard output: {1})", R"(стандартты шығысқа жазу мүмкін емес: {1:msg?})",
     R"(не удаётся записать в стандартный вывод: {1:msg?})"},
    {"cli", R"(cannot write to standard output)", R"(стандартты шығысқа жазу мүмкін емес)", R"(не удаётся записать в стандартный вывод)"},
    {"cli", R"(the output is incomplete; the program reading it stopped before its end)",
     R"(шығыс толық емес; оны оқып отырған бағдарлама соңына жетпей тоқтады)",
     R"(вывод неполон: читавшая его программа остановилась раньше его конца)"},
    {"cli", R"(the output is incomplete; write it with --output to a file where there is room)",
     R"(шығыс толық емес; оны --output арқылы орын бар жердегі файлға жазыңыз)",
     R"(вывод неполон: запишите его через --output в файл там, где есть место)"},
    {"cli", R"(no body is listed in the data)", R"(деректерде бірде-бір орган тізілмеген)", R"(в данных не указано ни одного органа)"},
    {"cli", R"(wrote {1})", R"({1} жазылды)", R"(записан {1})"},
    // diff: the data of one side, and why one reading of the data cannot serve both sides
    // (the same words as core/Labels.cpp's not_split_*).
    {"cli", R"(the data given with {1})", R"({1} арқылы берілген деректер)", R"(данные, указанные в {1})"},
    {"cli", R"(table `{1}` is declared by the old rules only)", R"(`{1}` кестесін тек ескі ережелер сипаттайды)",
     R"(таблица `{1}` описана только в старых правилах)"},
    {"cli", R"(the two rule sets declare column `{1}` of table `{2}` differently)",
     R"(екі ережелер жиыны `{2}` кестесінің `{1}` бағанын әртүрлі сипаттайды)",
     R"(два набора правил описывают столбец `{1}` таблицы `{2}` по-разному)"},
    {"cli", R"(derived column `{1}` is defined differently by the two rule sets (`{2}` and `{3}`))",
     R"(`{1}` туынды бағанын екі ережелер жиыны әртүрлі анықтайды (`{2}` және `{3}`))",
     R"(производный столбец `{1}` определён в двух наборах правил по-разному (`{2}` и `{3}`))"},
    {"cli", R"(`diff --data` evaluates both sides on one reading of the data; compare the data contracts first (`ereje contract`), or run each side with `ereje run`)",
     R"(`diff --data` екі жақты да деректерді бір рет оқып бағалайды; алдымен деректер сипаттамаларын салыстырыңыз (`ereje contract`) немесе әр жақты `ereje run` арқылы іске қосыңыз)",
     R"(`diff --data` оценивает обе стороны по одному прочтению данных; сначала сравните описания данных (`ereje contract`) или запустите каждую сторону через `ereje run`)"},
    // A workbook that cannot be written, a library that cannot be loaded (cli/Xlsx.cpp, cli/Receipt.cpp).
    {"cli", R"(cannot create the workbook (temporary file))", R"(жұмыс кітабын жасау мүмкін емес (уақытша файл))",
     R"(не удаётся создать книгу (временный файл))"},
    {"cli", R"(cannot write the workbook: {1})", R"(жұмыс кітабын жазу мүмкін емес: {1:msg?})", R"(не удаётся записать книгу: {1:msg?})"},
    {"cli", R"(cannot load libxlsxwriter: {1} (Debian: apt-get install libxlsxwriter4))",
     R"(libxlsxwriter кітапханасы жүктелмеді: {1} (Debian: apt-get install libxlsxwriter4))",
     R"(не удаётся загрузить libxlsxwriter: {1} (Debian: apt-get install libxlsxwriter4))"},
    {"cli", R"(cannot load OpenSSL's libcrypto for the receipt's hashes: {1} (Debian: apt-get install libssl3))",
     R"(түбіртектің хэштері үшін OpenSSL-дің libcrypto кітапханасы жүктелмеді: {1} (Debian: apt-get install libssl3))",
     R"(не удаётся загрузить libcrypto из OpenSSL для хэшей квитанции: {1} (Debian: apt-get install libssl3))"},
    // whatif: the question asked (interpreter/WhatIf.cpp, WhatIfError).
    {"cli", R"(--set {1}={2}: only numbers, the clause's definitions, + - * / and parentheses can be used)",
     R"(--set {1}={2}: тек сандарды, тармақтың анықтамаларын, + - * / және жақшаларды қолдануға болады)",
     R"(--set {1}={2}: можно использовать только числа, определения пункта, + - * / и скобки)"},
    {"cli", R"(write e.g. `--set {1}={1}+3`)", R"(мысалы, `--set {1}={1}+3` деп жазыңыз)", R"(напишите, например, `--set {1}={1}+3`)"},
    {"cli", R"(--set {1}={2}: `{3}` is not a definition of clause {4})", R"(--set {1}={2}: `{3}` — {4}-тармақтың анықтамасы емес)",
     R"(--set {1}={2}: `{3}` — не определение пункта {4})"},
    {"cli", R"(did you mean `{1}`? the clause defines {2})", R"(`{1}` болуы мүмкін бе? тармақтың анықтамалары: {2})",
     R"(возможно, имелось в виду `{1}`? в пункте определены: {2})"},
    {"cli", R"(the clause defines {1})", R"(тармақтың анықтамалары: {1})", R"(в пункте определены: {1})"},
    {"cli", R"(--set {1}={2}: `{3}` is not a number)", R"(--set {1}={2}: `{3}` сан емес)", R"(--set {1}={2}: `{3}` — не число)"},
    {"cli", R"(--set changes numbers: counts, sums, shares, coefficients)",
     R"(--set сандарды өзгертеді: санақтарды, қосындыларды, үлестерді, коэффициенттерді)",
     R"(--set меняет числа: количества, суммы, доли, коэффициенты)"},
    {"cli", R"(--set {1} is given twice)", R"(--set {1} екі рет берілген)", R"(--set {1} указан дважды)"},
    {"cli", R"(give each definition one new value)", R"(әр анықтамаға бір ғана жаңа мән беріңіз)",
     R"(дайте каждому определению одно новое значение)"},
    {"cli", R"(--set {1}: clause {2} has no definition or coefficient `{1}`)",
     R"(--set {1}: {2}-тармақта `{1}` анықтамасы да, коэффициенті де жоқ)",
     R"(--set {1}: в пункте {2} нет ни определения, ни коэффициента `{1}`)"},
    {"cli", R"(--set {1}={2} is not a formula: {3})", R"(--set {1}={2} формула емес: {3:any?})", R"(--set {1}={2} — не формула: {3:any?})"},
    {"cli", R"(it is not an expression)", R"(бұл өрнек емес)", R"(это не выражение)"},
    {"cli", R"(write a formula such as `{1}+3`, `{1}*2` or `12`)", R"(`{1}+3`, `{1}*2` немесе `12` сияқты формула жазыңыз)",
     R"(напишите формулу, например `{1}+3`, `{1}*2` или `12`)"},
    {"cli", R"(--set {1}={2} gives the coefficient no value (n/a))", R"(--set {1}={2} коэффициентке мән бермейді (n/a))",
     R"(--set {1}={2} оставляет коэффициент без значения (n/a))"},
    {"cli", R"(a coefficient is a number: avoid dividing by zero)", R"(коэффициент — сан: нөлге бөлуден аулақ болыңыз)",
     R"(коэффициент — это число: избегайте деления на ноль)"},
    {"cli", R"(--target `{1}` is not RESULT>=VALUE or RESULT<=VALUE)", R"(--target `{1}` RESULT>=VALUE немесе RESULT<=VALUE түрінде емес)",
     R"(--target `{1}` — не в виде RESULT>=VALUE или RESULT<=VALUE)"},
    {"cli", R"(write e.g. `--target T>=8` or `--target C<=2.5` (a result of the clause, then >= or <=, then a number))",
     R"(мысалы, `--target T>=8` немесе `--target C<=2.5` деп жазыңыз (тармақтың нәтижесі, содан кейін >= не <=, содан кейін сан))",
     R"(напишите, например, `--target T>=8` или `--target C<=2.5` (результат пункта, затем >= или <=, затем число))"},
    {"cli", R"(--target: clause {1} has no result `{2}`)", R"(--target: {1}-тармақта `{2}` нәтижесі жоқ)",
     R"(--target: в пункте {1} нет результата `{2}`)"},
    {"cli", R"(did you mean `{1}`? the clause's results: {2})", R"(`{1}` болуы мүмкін бе? тармақтың нәтижелері: {2})",
     R"(возможно, имелось в виду `{1}`? результаты пункта: {2})"},
    {"cli", R"(the clause's results: {1})", R"(тармақтың нәтижелері: {1})", R"(результаты пункта: {1})"},
    // Receipts (cli/Receipt.cpp): what is wrong with one, by the names of its fields.
    // What is wrong with one: `{1}` below is always the name of one of its fields.
    {"cli", R"(`{1}` is not an ereje receipt: {2})", R"(`{1}` — ereje түбіртегі емес: {2:msg?})", R"(`{1}` — не квитанция ereje: {2:msg?})"},
    {"cli", R"(receipts are written by `ereje run … --receipt FILE`; one edited by hand or cut short is not read)",
     R"(түбіртектерді `ereje run … --receipt FILE` жазады; қолмен өзгертілген немесе үзіліп қалған түбіртек оқылмайды)",
     R"(квитанции пишет `ereje run … --receipt FILE`; изменённая вручную или обрезанная квитанция не читается)"},
    {"cli", R"(it is not valid JSON (at byte {1}))", R"(ол жарамды JSON емес ({1}-байтта))", R"(это некорректный JSON (байт {1}))"},
    {"cli", R"(it is not valid JSON)", R"(ол жарамды JSON емес)", R"(это некорректный JSON)"},
    {"cli", R"(it is larger than {1} MiB)", R"(оның көлемі {1} MiB шегінен асады)", R"(она больше {1} MiB)"},
    {"cli", R"(it is not a JSON object)", R"(ол JSON объектісі емес)", R"(это не объект JSON)"},
    {"cli", R"(it is nested deeper than a receipt is)", R"(оның ішіндегі кірістірілу түбіртектегіден терең)",
     R"(вложенность в ней глубже, чем в квитанции)"},
    {"cli", R"(the key `{1}` appears twice in one object)", R"(`{1}` кілті бір объектіде екі рет кездеседі)",
     R"(ключ `{1}` дважды встречается в одном объекте)"},
    {"cli", R"(a key appears twice in one object)", R"(бір объектіде бір кілт екі рет кездеседі)", R"(ключ дважды встречается в одном объекте)"},
    {"cli", R"(`{1}` is missing)", R"(`{1}` өрісі жоқ)", R"(нет поля `{1}`)"},
    {"cli", R"(`{1}` is empty)", R"(`{1}` өрісі бос)", R"(поле `{1}` пустое)"},
    {"cli", R"(`{1}` is not a string)", R"(`{1}` өрісі мәтін емес)", R"(поле `{1}` — не строка)"},
    {"cli", R"(`{1}` is longer than {2} bytes)", R"(`{1}` өрісінің ұзындығы {2} байттан асады)", R"(поле `{1}` длиннее, чем {2|байт|байта|байт})"},
    {"cli", R"(`{1}` holds a control character)", R"(`{1}` өрісінде басқару таңбасы бар)", R"(в поле `{1}` есть управляющий символ)"},
    {"cli", R"(`{1}` is not a list)", R"(`{1}` өрісі тізім емес)", R"(поле `{1}` — не список)"},
    {"cli", R"(`{1}` has more than {2} entries)", R"(`{1}` өрісінде {2:abl} артық жазба бар)", R"(в поле `{1}` больше {2|записи|записей|записей})"},
    {"cli", R"(`{1}` is not an object)", R"(`{1}` өрісі объект емес)", R"(поле `{1}` — не объект)"},
    {"cli", R"(`{1}` is not 1)", R"(`{1}` өрісі 1-ге тең емес)", R"(поле `{1}` не равно 1)"},
    {"cli", R"(`{1}` is not a date (YYYY-MM-DD))", R"(`{1}` өрісі күн емес (YYYY-MM-DD))", R"(поле `{1}` — не дата (YYYY-MM-DD))"},
    {"cli", R"(`{1}` is not a SHA-256 in lowercase hex)", R"(`{1}` өрісі кіші әріптермен он алтылық түрде жазылған SHA-256 емес)",
     R"(поле `{1}` — не SHA-256 в шестнадцатеричном виде строчными буквами)"},
    {"cli", R"(`{1}` is not a whole number from 0 to {2})", R"(`{1}` өрісі 0-ден {2:dat} дейінгі бүтін сан емес)",
     R"(поле `{1}` — не целое число от 0 до {2})"},
    {"cli", R"(`{1}` has not exactly one of `set` and `target`)", R"(`{1}` өрісінде `set` пен `target` өрістерінің дәл біреуі болуы керек)",
     R"(в поле `{1}` должно быть ровно одно из полей `set` и `target`)"},
    {"cli", R"(`command.{1}` is not {2}, {3}, {4} or {5})", R"(`command.{1}` өрісі {2}, {3}, {4} немесе {5} емес)",
     R"(поле `command.{1}` — не {2}, не {3}, не {4} и не {5})"},
    {"cli", R"(`command.{1}` is not {2}, {3} or {4})", R"(`command.{1}` өрісі {2}, {3} немесе {4} емес)",
     R"(поле `command.{1}` — не {2}, не {3} и не {4})"},
    {"cli", R"(`command.{1}` is not {2} or {3})", R"(`command.{1}` өрісі {2} немесе {3} емес)", R"(поле `command.{1}` — не {2} и не {3})"},
    {"cli", R"(`command.{1}` is not {2})", R"(`command.{1}` өрісі {2} емес)", R"(поле `command.{1}` — не {2})"},
    // replay (cli/cmd_replay.cpp): paths a receipt may not name, what it finds now.
    {"cli", R"(cannot read the folder `{1}` the receipt's paths are under)", R"(түбіртектегі жолдар жатқан `{1}` қалтасын оқу мүмкін емес)",
     R"(не удаётся прочитать папку `{1}`, в которой лежат пути квитанции)"},
    {"cli", R"(give the folder the receipt's paths are relative to with `--root DIR`)",
     R"(түбіртектегі жолдар қай қалтаға қатысты екенін `--root DIR` арқылы беріңіз)",
     R"(укажите через `--root DIR` папку, относительно которой заданы пути квитанции)"},
    {"cli", R"(the receipt `{1}` names a database, not a data folder)", R"(`{1}` түбіртегі деректер қалтасын емес, дерекқорды атайды)",
     R"(квитанция `{1}` называет базу данных, а не папку данных)"},
    {"cli", R"(replay connects to a database only when you name it: `ereje replay RECEIPT --data URL`)",
     R"(replay дерекқорға сіз оны атағанда ғана қосылады: `ereje replay RECEIPT --data URL`)",
     R"(replay подключается к базе данных, только когда вы её называете: `ereje replay RECEIPT --data URL`)"},
    {"cli", R"(the receipt `{1}` names a {2} that {3}: `{4}`)", R"(`{1}` түбіртегінде аталған {2:msg?} (`{4}`) {3:msg?})",
     R"(квитанция `{1}` называет {2:msg?}, который {3:msg?}: `{4}`)"},
    {"cli", R"(rule path)", R"(ережелер жолы)", R"(путь к правилам)"},
    {"cli", R"(data path)", R"(деректер жолы)", R"(путь к данным)"},
    {"cli", R"(rule file)", R"(ереже файлы)", R"(файл правил)"},
    {"cli", R"(data file)", R"(деректер файлы)", R"(файл данных)"},
    {"cli", R"(is empty)", R"(бос)", R"(пуст)"},
    {"cli", R"(is a URL, not a path)", R"(жол емес, URL)", R"(является URL, а не путём)"},
    {"cli", R"(is an absolute path)", R"(абсолютті жол)", R"(является абсолютным путём)"},
    {"cli", R"(climbs out of its folder with `..`)", R"(`..` арқылы өз қалтасынан шығады)", R"(выходит из своей папки через `..`)"},
    {"cli", R"(replay reads only files under `{1}`, by relative paths; a receipt written by `ereje run` from that folder has them)",
     R"(replay тек `{1}` ішіндегі файлдарды салыстырмалы жолдар бойынша оқиды; сол қалтадан `ereje run` жазған түбіртекте жолдар дәл солай)",
     R"(replay читает только файлы внутри `{1}`, по относительным путям; такие пути в квитанции, которую `ereje run` записал из этой папки)"},
    {"cli", R"(replay reads only files under {1}, by relative paths; a receipt written by `ereje run` from that folder has them)",
     R"(replay тек {1:msg?} ішіндегі файлдарды салыстырмалы жолдар бойынша оқиды; сол қалтадан `ereje run` жазған түбіртекте жолдар дәл солай)",
     R"(replay читает только файлы внутри {1:msg?}, по относительным путям; такие пути в квитанции, которую `ereje run` записал из этой папки)"},
    {"cli", R"(the receipt's folder)", R"(түбіртек қалтасы)", R"(папки квитанции)"},
    {"cli", R"(`{1}` leads outside `{2}`)", R"(`{1}` `{2}` шегінен тыс жерге апарады)", R"(`{1}` ведёт за пределы `{2}`)"},
    {"cli", R"(`{1}` is neither a file nor a folder in `{2}`)", R"(`{2}` ішінде `{1}` файл да, қалта да емес)",
     R"(`{1}` внутри `{2}` — ни файл, ни папка)"},
    {"cli", R"(`{1}` cannot be read in `{2}`)", R"(`{2}` ішінде `{1}` оқылмайды)", R"(`{1}` внутри `{2}` не читается)"},
    {"cli", R"(`{1}` leads outside {2})", R"(`{1}` {2:msg?} шегінен тыс жерге апарады)", R"(`{1}` ведёт за пределы {2:msg?})"},
    {"cli", R"(`{1}` is neither a file nor a folder in {2})", R"({2:msg?} ішінде `{1}` файл да, қалта да емес)",
     R"(`{1}` внутри {2:msg?} — ни файл, ни папка)"},
    {"cli", R"(`{1}` cannot be read in {2})", R"({2:msg?} ішінде `{1}` оқылмайды)", R"(`{1}` внутри {2:msg?} не читается)"},
    {"cli", R"(replay reads only files under that folder; remove the link or copy what it points to into the folder)",
     R"(replay тек сол қалтадағы файлдарды оқиды; сілтемені алып тастаңыз немесе ол көрсететін нысанды қалтаға көшіріңіз)",
     R"(replay читает только файлы внутри этой папки; удалите ссылку или скопируйте в папку то, на что она указывает)"},
    {"cli", R"(the run fails now; its messages are not shown, as they may quote files that do not match the receipt (run the command yourself to see them))",
     R"(қазір іске қосу қатемен аяқталады; оның хабарламалары көрсетілмейді, өйткені олар түбіртекке сәйкес келмейтін файлдардан үзінді келтіруі мүмкін (оларды көру үшін команданы өзіңіз іске қосыңыз))",
     R"(сейчас запуск завершается ошибкой; его сообщения не показаны, так как они могут цитировать файлы, не совпадающие с квитанцией (запустите команду сами, чтобы их увидеть))"},
    {"cli", R"(the receipt names `{1}`, which {2}; `ereje replay` reads only relative paths under one folder: run from the folder that holds the rules and name them from there)",
     R"(түбіртек `{1}` жолын атайды, ол {2:msg?}; `ereje replay` тек бір қалтадағы салыстырмалы жолдарды оқиды: ережелер жатқан қалтадан іске қосып, оларды сол жерден атаңыз)",
     R"(квитанция называет `{1}`, который {2:msg?}; `ereje replay` читает только относительные пути внутри одной папки: запускайте из папки с правилами и называйте их оттуда)"},
    {"cli", R"(replay this receipt with `ereje replay {1}` (`replay` reads only under the receipt's folder or --root, and a database or data elsewhere only when named with --data))",
     R"(бұл түбіртекті `ereje replay {1}` арқылы қайта орындаңыз (`replay` тек түбіртек қалтасының немесе --root ішінде оқиды, ал дерекқорды не басқа жердегі деректерді --data арқылы аталғанда ғана оқиды))",
     R"(воспроизводите эту квитанцию командой `ereje replay {1}` (`replay` читает только внутри папки квитанции или --root, а базу данных или данные в другом месте — только названные через --data))"},
    // replay's verdict on standard output.
    {"cli", R"(replayed {1}: the same answer, byte for byte (sha256 {2}), to the what-if question on clause {3} for body {4} as of {5})",
     R"({1} қайта орындалды: {4} органы үшін {3}-тармақ бойынша what-if сұрағына {5} күнгі жауап байтына дейін сол күйі (sha256 {2}))",
     R"({1} воспроизведена: тот же ответ, байт в байт (sha256 {2}), на вопрос what-if по пункту {3} для органа {4} на {5})"},
    {"cli", R"(replayed {1}: the same {2} results, byte for byte (sha256 {3}), as of {4})",
     R"({1} қайта орындалды: {4} күнгі {2} нәтиже байтына дейін сол күйі (sha256 {3}))",
     R"({1} воспроизведена: те же {2|результат|результата|результатов}, байт в байт (sha256 {3}), на {4})"},
    {"cli", R"(replay of {1} as of {2} does not match:)", R"({1} түбіртегін {2} күнгі қайта орындау сәйкес келмейді:)",
     R"(воспроизведение {1} на {2} не совпадает:)"},
    {"cli", R"(engine {1} then, {2} now)", R"(қозғалтқыш: ол кезде {1}, қазір {2})", R"(движок: {1} тогда, {2} сейчас)"},
    {"cli", R"({1} file {2} was read then, and is not read now)", R"({2} {1:msg?} файлы ол кезде оқылған, қазір оқылмайды)",
     R"(файл {1:msg?} {2} тогда читался, а сейчас не читается)"},
    {"cli", R"({1} file {2} changed (sha256 {3} then, unreadable now))",
     R"({2} {1:msg?} файлы өзгерді (sha256: ол кезде {3}, қазір файл оқылмайды))",
     R"(файл {1:msg?} {2} изменился (sha256 {3} тогда, сейчас не читается))"},
    {"cli", R"({1} file {2} changed (sha256 {3} then, {4} now))", R"({2} {1:msg?} файлы өзгерді (sha256: ол кезде {3}, қазір {4}))",
     R"(файл {1:msg?} {2} изменился (sha256 {3} тогда, {4} сейчас))"},
    {"cli", R"({1} file {2} is read now, and was not then)", R"({2} {1:msg?} файлы қазір оқылады, ол кезде оқылмаған)",
     R"(файл {1:msg?} {2} сейчас читается, а тогда не читался)"},
    {"cli", R"(rule)", R"(ереже)", R"(правил)"},
    {"cli", R"(data)", R"(деректер)", R"(данных)"},
    {"cli", R"(the answer differs (sha256 {1} then, {2} now))", R"(жауап басқаша (sha256: ол кезде {1}, қазір {2}))",
     R"(ответ отличается (sha256 {1} тогда, {2} сейчас))"},
    {"cli", R"(differs now: {1} = {2} now)", R"(қазір басқаша: {1} = {2})", R"(теперь иначе: {1} = {2})"},
    {"cli", R"(differs now: {1})", R"(қазір басқаша: {1})", R"(теперь иначе: {1})"},
    {"cli", R"(results differ (sha256 {1} then, {2} now))", R"(нәтижелер басқаша (sha256: ол кезде {1}, қазір {2}))",
     R"(результаты отличаются (sha256 {1} тогда, {2} сейчас))"},
    {"cli", R"(the answer is still the same, byte for byte)", R"(жауап әлі де байтына дейін сол күйі)", R"(ответ по-прежнему тот же, байт в байт)"},
    {"cli", R"(the results are still the same, byte for byte)", R"(нәтижелер әлі де байтына дейін сол күйі)",
     R"(результаты по-прежнему те же, байт в байт)"},
    {"cli", R"(the run fails now)", R"(қазір іске қосу қатемен аяқталады)", R"(сейчас запуск завершается ошибкой)"},
    // --watch (cli/Watch.cpp).
    {"cli", R"(watching 1 folder for changes to rule and data files (Ctrl-C to stop))",
     R"(ереже және деректер файлдарының өзгерістері 1 қалтада бақылануда (тоқтату үшін Ctrl-C))",
     R"(отслеживаются изменения файлов правил и данных в 1 папке (остановить — Ctrl-C))"},
    {"cli", R"(watching {1} folders for changes to rule and data files (Ctrl-C to stop))",
     R"(ереже және деректер файлдарының өзгерістері {1} қалтада бақылануда (тоқтату үшін Ctrl-C))",
     R"(отслеживаются изменения файлов правил и данных в {1|папке|папках|папках} (остановить — Ctrl-C))"},
    {"cli", R"(--- {1} changed: running again)", R"(--- {1} өзгерді: қайта іске қосылады)", R"(--- {1} изменился: запуск заново)"},
    // import (cli/cmd_import.cpp): the act's text, the skeleton written.
    {"cli", R"(the act's text is read in kk or ru)", R"(акт мәтіні kk немесе ru тілінде оқылады)", R"(текст акта читается на kk или ru)"},
    {"cli", R"(no such file)", R"(мұндай файл жоқ)", R"(нет такого файла)"},
    {"cli", R"(give the act's text as a plain-text file (UTF-8))", R"(акт мәтінін қарапайым мәтіндік файл (UTF-8) ретінде беріңіз)",
     R"(передайте текст акта простым текстовым файлом (UTF-8))"},
    {"cli", R"(the file is larger than the limit of 16 MiB for an act's text)", R"(файл акт мәтініне арналған 16 MiB шегінен үлкен)",
     R"(файл больше предела в 16 MiB для текста акта)"},
    {"cli", R"(cannot read the file)", R"(файлды оқу мүмкін емес)", R"(не удаётся прочитать файл)"},
    {"cli", R"(the text is not UTF-8)", R"(мәтін UTF-8 кодталуында емес)", R"(текст не в кодировке UTF-8)"},
    {"cli", R"(save it as UTF-8 (a text copied from adilet.zan.kz is; an old Windows-1251 file is not))",
     R"(оны UTF-8 түрінде сақтаңыз (adilet.zan.kz сайтынан көшірілген мәтін солай; ескі Windows-1251 файлы олай емес))",
     R"(сохраните его в UTF-8 (текст, скопированный с adilet.zan.kz, уже в UTF-8; старый файл в Windows-1251 — нет))"},
    {"cli", R"(no registration date found: add `in_force YYYY-MM-DD` to the act)", R"(тіркелген күні табылмады: актіге `in_force YYYY-MM-DD` қосыңыз)",
     R"(дата регистрации не найдена: добавьте в акт `in_force YYYY-MM-DD`)"},
    {"cli", R"(no registration number found: replace NUMBER in the act header)",
     R"(тіркеу нөмірі табылмады: акт тақырыбындағы NUMBER орнына нөмірді жазыңыз)",
     R"(регистрационный номер не найден: замените NUMBER в заголовке акта)"},
    {"cli", R"(no paragraph changed in the standard phrasing ({1}))", R"(әдеттегі тұжырыммен өзгертілген бірде-бір тармақ жоқ ({1}))",
     R"(ни один пункт не изменён стандартными формулировками ({1}))"},
    {"cli", R"(1 paragraph changed; run `ereje check` on the skeleton (with the rules it amends) for what is left to write)",
     R"(1 тармақ өзгертілді; әлі не жазу керегін көру үшін қаңқаға (ол өзгертетін ережелермен бірге) `ereje check` іске қосыңыз)",
     R"(изменён 1 пункт; запустите `ereje check` на заготовке (вместе с правилами, которые она меняет), чтобы увидеть, что осталось написать)"},
    {"cli", R"({1} paragraphs changed; run `ereje check` on the skeleton (with the rules it amends) for what is left to write)",
     R"({1} тармақ өзгертілді; әлі не жазу керегін көру үшін қаңқаға (ол өзгертетін ережелермен бірге) `ereje check` іске қосыңыз)",
     R"(изменено пунктов: {1}; запустите `ereje check` на заготовке (вместе с правилами, которые она меняет), чтобы увидеть, что осталось написать)"},
    // fmt --check (no --lang of its own: worded for when it has one).
    {"cli", R"(run `ereje fmt` with the same paths to rewrite it)", R"(оны қайта жазу үшін `ereje fmt` командасын сол жолдармен іске қосыңыз)",
     R"(чтобы переписать его, запустите `ereje fmt` с теми же путями)"},
    {"cli", R"(run `ereje fmt` with the same paths to rewrite them)", R"(оларды қайта жазу үшін `ereje fmt` командасын сол жолдармен іске қосыңыз)",
     R"(чтобы переписать их, запустите `ereje fmt` с теми же путями)"},
    // What follows the data's diagnostics on the command line.
    {"cli", R"(no results written: the data has errors)", R"(нәтижелер жазылмады: деректерде қателер бар)",
     R"(результаты не записаны: в данных есть ошибки)"},
    {"cli", R"(no report written: the data has errors)", R"(есеп жазылмады: деректерде қателер бар)",
     R"(отчёт не записан: в данных есть ошибки)"},
    {"cli", R"(--lang {1} gives the names of --names; the {2} columns and statuses stay the codes of the results table, for other systems (use --format table or xlsx for people))",
     R"(--lang {1} тек --names атауларын береді; {2} бағандары мен мәртебелері басқа жүйелер үшін нәтижелер кестесінің кодтары болып қалады (адамдарға арналған шығыс үшін --format table немесе xlsx қолданыңыз))",
     R"(--lang {1} даёт только названия из --names; столбцы и статусы {2} остаются кодами таблицы результатов, для других систем (для людей используйте --format table или xlsx))"},
    // `check -v`: the range analysis's line per result. The rows of a counterexample stay in test
    // syntax; the reason after "not proved within …:" or "not analysed:" is translated by the entries
    // below, and one with no wording stays English in a line otherwise translated (`{N:msg?}`).
    // "not proved within" first: "{3} proved within {4}" would also match it, with "T not" as {3}.
    {"range-proof", R"(clause {1} ({2}): {3} not proved within {4}: {5})",
     R"({1}-тармақ ({2}): {3} {4} аралығында екені дәлелденбеді: {5:msg?})",
     R"(пункт {1} ({2}): не доказано, что {3} в пределах {4}: {5:msg?})"},
    {"range-proof", R"(clause {1} ({2}): {3} not analysed: {4})", R"({1}-тармақ ({2}): {3} талданбады: {4:msg?})",
     R"(пункт {1} ({2}): {3} не проанализирован: {4:msg?})"},
    {"range-proof", R"(clause {1} ({2}): {3} proved within {4})", R"({1}-тармақ ({2}): {3} {4} аралығында екені дәлелденді)",
     R"(пункт {1} ({2}): доказано, что {3} в пределах {4})"},
    {"range-proof", R"(clause {1} ({2}): {3} can leave {4}: {5} = {6} for {7})",
     R"({1}-тармақ ({2}): {3} {4} аралығынан шығуы мүмкін: деректерінде {7} бар орган үшін {5} = {6})",
     R"(пункт {1} ({2}): {3} может выйти за пределы {4}: {5} = {6} для органа с данными {7})"},
    {"range-proof", R"(clause {1} ({2}): {3} can leave {4}: {5})", R"({1}-тармақ ({2}): {3} {4} аралығынан шығуы мүмкін: {5})",
     R"(пункт {1} ({2}): {3} может выйти за пределы {4}: {5})"},
    // Why a result is not analysed: what its formula does that the method does not read (Range.cpp).
    // "It" is the result's formula: формула in both languages.
    {"range-proof", R"(it counts table `{1}`, which the contract does not declare)",
     R"(формула `{1}` кестесінің жолдарын санайды, бірақ деректер сипаттамасында бұл кесте жарияланбаған)",
     R"(формула считает строки таблицы `{1}`, которая не объявлена в описании данных)"},
    {"range-proof", R"(coefficient `{1}` has no value the analysis can work out)",
     R"(талдау `{1}` коэффициентінің мәнін есептей алмайды)", R"(анализ не может вычислить значение коэффициента `{1}`)"},
    {"range-proof", R"(it uses `{1}`: only `count` is analysed)", R"(формулада `{1}` пайдаланылған: тек `count` талданады)",
     R"(формула использует `{1}`: анализируется только `count`)"},
    {"range-proof", R"(it uses `{1}`)", R"(формулада `{1}` пайдаланылған)", R"(формула использует `{1}`)"},
    {"range-proof", R"(it calls a function)", R"(формула функцияны шақырады)", R"(формула вызывает функцию)"},
    {"range-proof", R"(it reads other clauses' results)", R"(формула басқа тармақтардың нәтижелерін оқиды)",
     R"(формула читает результаты других пунктов)"},
    {"range-proof", R"(it adds quotients with different denominators)", R"(формула бөлгіштері әртүрлі бөлшектерді қосады)",
     R"(формула складывает дроби с разными знаменателями)"},
    {"range-proof", R"(it multiplies two numbers that depend on the data)", R"(формула деректерге тәуелді екі санды көбейтеді)",
     R"(формула перемножает два числа, зависящих от данных)"},
    {"range-proof", R"(it divides by a quotient)", R"(формула бөлшекке бөледі)", R"(формула делит на дробь)"},
    {"range-proof", R"(it divides by 0)", R"(формула 0-ге бөледі)", R"(формула делит на 0)"},
    {"range-proof", R"(it divides a quotient by a number that depends on the data)",
     R"(формула бөлшекті деректерге тәуелді санға бөледі)", R"(формула делит дробь на число, зависящее от данных)"},
    // … and what a row condition of its counts does that the method does not read.
    {"range-proof", R"(a condition is too deep)", R"(шарт тым терең кірістірілген)", R"(условие вложено слишком глубоко)"},
    {"range-proof", R"(a condition uses `{1}`, which is not a column of `{2}`)",
     R"(шартта `{1}` пайдаланылған, бірақ ол `{2}` кестесінің бағаны емес)",
     R"(условие использует `{1}`, но это не столбец таблицы `{2}`)"},
    {"range-proof", R"(a condition uses `if` on values)", R"(шартта бұтақтары мән болатын `if` пайдаланылған)",
     R"(условие использует `if`, ветви которого — значения)"},
    {"range-proof", R"(a condition uses arithmetic)", R"(шартта арифметикалық амал пайдаланылған)",
     R"(условие использует арифметику)"},
    {"range-proof", R"(a condition uses `{1}`)", R"(шартта `{1}` пайдаланылған)", R"(условие использует `{1}`)"},
    {"range-proof", R"(derived column `{1}` has no definition)", R"(есептелетін `{1}` бағанының анықтамасы жоқ)",
     R"(у вычисляемого столбца `{1}` нет определения)"},
    {"range-proof", R"(a condition compares `{1}` with `{2}`)", R"(шарт `{1}` және `{2}` мәндерін салыстырады)",
     R"(условие сравнивает `{1}` с `{2}`)"},
    {"range-proof", R"(a condition compares two columns)", R"(шарт екі бағанды салыстырады)", R"(условие сравнивает два столбца)"},
    {"range-proof", R"(a condition compares column `{1}` with a literal of another type)",
     R"(шарт `{1}` бағанын басқа түрдегі мәнмен салыстырады)", R"(условие сравнивает столбец `{1}` со значением другого типа)"},
    {"range-proof", R"(a condition tests `{1}` against a list)", R"(шарт `{1}` мәнін тізіммен тексереді)",
     R"(условие проверяет `{1}` по списку)"},
    {"range-proof", R"(a list holds `{1}`)", R"(тізімде `{1}` бар)", R"(в списке есть `{1}`)"},
    {"range-proof", R"(a condition calls `{1}`)", R"(шарт `{1}` функциясын шақырады)", R"(условие вызывает функцию `{1}`)"},
    {"range-proof", R"(column `{1}` has no cells)", R"(`{1}` бағанының ұяшықтары жоқ)", R"(у столбца `{1}` нет ячеек)"},
    {"range-proof", R"(the conditions split the rows of `{1}` into more than {2} kinds)",
     R"(шарттар `{1}` кестесінің жолдарын {2:abl} көп түрге бөледі)",
     R"(условия делят строки таблицы `{1}` более чем на {2|вид|вида|видов})"},
    // Why a result is not analysed or not proved, though its formula is read (RangeCheck.cpp).
    {"range-proof", R"(its range bounds are not constants the analysis works out)",
     R"(ауқымның шекаралары талдау есептей алатын тұрақты сандар емес)",
     R"(границы диапазона — не константы, которые может вычислить анализ)"},
    {"range-proof", R"(its denominator can be negative)", R"(формуланың бөлгіші теріс болуы мүмкін)",
     R"(знаменатель формулы может быть отрицательным)"},
    {"range-proof", R"(its denominator is 0 for every data set: it is always n/a)",
     R"(формуланың бөлгіші кез келген деректерде 0-ге тең: нәтиже әрқашан n/a)",
     R"(знаменатель формулы равен 0 при любых данных: результат всегда n/a)"},
    {"range-proof", R"(it can be above its range only with more than {1} rows)",
     R"(нәтиже өз ауқымынан тек {1:abl} көп жол болғанда ғана жоғары бола алады)",
     R"(результат может быть выше своего диапазона, только если строк больше {1})"},
    {"range-proof", R"(it can be below its range only with more than {1} rows)",
     R"(нәтиже өз ауқымынан тек {1:abl} көп жол болғанда ғана төмен бола алады)",
     R"(результат может быть ниже своего диапазона, только если строк больше {1})"},
    {"range-proof", R"(no counterexample could be written as a test)", R"(қарсы мысалды тест ретінде жазу мүмкін болмады)",
     R"(контрпример не удалось записать в виде теста)"},
    // Why a counterexample found was not shown (RangeWitness.cpp). A test's failure is quoted after its
    // place: any code's wording (a test failure, a data file's diagnostic), else English.
    {"range-proof", R"(table `{1}` is not in force on the version's first day)",
     R"(`{1}` кестесі редакцияның алғашқы күні қолданыста емес)", R"(таблица `{1}` не действует в первый день редакции)"},
    {"range-proof", R"(column `{1}` is not in force on the version's first day)",
     R"(`{1}` бағаны редакцияның алғашқы күні қолданыста емес)", R"(столбец `{1}` не действует в первый день редакции)"},
    {"range-proof", R"(the rows the analysis found are not valid data: {1}: {2})",
     R"(талдау тапқан жолдар жарамды деректер емес: {1}: {2:any?})",
     R"(строки, найденные анализом, — некорректные данные: {1}: {2:any?})"},
    {"range-proof", R"(on the rows the analysis found, the result is n/a)", R"(талдау тапқан жолдарда нәтиже — n/a)",
     R"(на строках, найденных анализом, результат — n/a)"},
    {"range-proof", R"(on the rows the analysis found, the result is {1}, within its range)",
     R"(талдау тапқан жолдарда нәтиже — {1}, ол өз ауқымының ішінде)",
     R"(на строках, найденных анализом, результат — {1}, в пределах своего диапазона)"},
    {"range-proof", R"(the counterexample did not pass as a test: {1}: {2})",
     R"(қарсы мысал тест ретінде өтпеді: {1}: {2:any?})", R"(контрпример не прошёл как тест: {1}: {2:any?})"},

    // ---- The rarer check codes: reading rule files, syntax checks, amending one item.
    {"unreadable", R"(cannot read this rule file)", R"(бұл ереже файлын оқу мүмкін емес)", R"(не удаётся прочитать этот файл правил)"},
    {"file-too-large", R"(rule file is larger than the limit of 16 MiB)", R"(ереже файлы 16 MiB шегінен үлкен)",
     R"(файл правил больше предела в 16 МиБ)"},
    {"file-too-large", R"(split the rules into one file per act)", R"(ережелерді әр актіге бір файлдан бөліңіз)",
     R"(разделите правила по одному файлу на акт)"},
    {"too-many-clauses", R"(more than {1} clauses in the rule set, the limit)", R"(ережелер жиынында {1} тармақтан көп: бұл — шек)",
     R"(в наборе правил больше {1|пункта|пунктов|пунктов}: это предел)"},
    {"too-many-clauses", R"(the methodology has about a hundred clauses: check that the right folder was given)",
     R"(әдістемеде шамамен жүз тармақ бар: дұрыс қалта берілгенін тексеріңіз)",
     R"(в методике около ста пунктов: проверьте, та ли папка указана)"},
    {"bad-rounding", R"(rounding must be a whole number of decimals from 0 to 18)",
     R"(дөңгелектеу 0-ден 18-ге дейінгі бүтін ондық таңбалар саны болуы тиіс)",
     R"(округление должно быть целым числом знаков после запятой от 0 до 18)"},
    {"bad-row-count", R"(a row count must be a whole number up to {1})", R"(жолдар саны {1:dat} дейінгі бүтін сан болуы тиіс)",
     R"(число строк должно быть целым числом не больше {1})"},
    {"bad-row-count", R"(the test's rows add up to {1}, more than {2}, the limit for one test)",
     R"(тест жолдарының қосындысы {1}: бұл бір тесттің шегінен ({2}) көп)",
     R"(строк в тесте всего {1}, больше предела для одного теста ({2}))"},
    {"amend-text-twice", R"(the Kazakh text of clause {1} is both restated and changed word by word)",
     R"({1}-тармақтың қазақша мәтіні әрі толық қайта жазылған, әрі сөзбе-сөз өзгертілген)",
     R"(казахский текст пункта {1} одновременно изложен заново и изменён пословно)"},
    {"amend-text-twice", R"(the Russian text of clause {1} is both restated and changed word by word)",
     R"({1}-тармақтың орысша мәтіні әрі толық қайта жазылған, әрі сөзбе-сөз өзгертілген)",
     R"(русский текст пункта {1} одновременно изложен заново и изменён пословно)"},
    {"amend-text-twice", R"(the English text of clause {1} is both restated and changed word by word)",
     R"({1}-тармақтың ағылшынша мәтіні әрі толық қайта жазылған, әрі сөзбе-сөз өзгертілген)",
     R"(английский текст пункта {1} одновременно изложен заново и изменён пословно)"},
    {"amend-text-twice", R"(keep one: the restated text, or the words replaced in the inherited one)",
     R"(біреуін қалдырыңыз: толық қайта жазылған мәтінді немесе мұраға қалған мәтіндегі ауыстырылған сөздерді)",
     R"(оставьте одно: изложенный заново текст или замену слов в унаследованном)"},
    {"amend-words-not-found", R"(the words to replace are empty)", R"(ауыстырылатын сөздер бос)", R"(заменяемые слова пусты)"},
    {"amend-words-not-found", R"(the Kazakh text of clause {1} ({2}) does not contain "{3}")",
     R"({1}-тармақтың ({2:tr}) қазақша мәтінінде «{3}» жоқ)", R"(в казахском тексте пункта {1} ({2:tr}) нет «{3}»)"},
    {"amend-words-not-found", R"(the Russian text of clause {1} ({2}) does not contain "{3}")",
     R"({1}-тармақтың ({2:tr}) орысша мәтінінде «{3}» жоқ)", R"(в русском тексте пункта {1} ({2:tr}) нет «{3}»)"},
    {"amend-words-not-found", R"(quote the words exactly as the text in force has them)",
     R"(сөздерді қолданыстағы мәтінде жазылғандай дәл келтіріңіз)", R"(приведите слова точно так, как они написаны в действующем тексте)"},
    {"amend-words-not-found", R"(quote the words the act replaces)", R"(акт ауыстыратын сөздерді келтіріңіз)",
     R"(приведите слова, которые заменяет акт)"},
    {"amend-words-not-found", R"(the text in force before)", R"(бұрын қолданыста болған мәтін)", R"(текст, действовавший ранее)"},
    {"amend-kind-changed", R"(`{1}` is {2} in the version this amends ({3}), here {4})",
     R"(`{1}` өзгертілетін редакцияда ({3:tr}) — {2:tr}, ал мұнда — {4:tr})",
     R"(`{1}` в изменяемой редакции ({3:tr}) — {2:tr}, а здесь — {4:tr})"},
    {"amend-kind-changed", R"(defined here before)", R"(бұрын осында анықталған)", R"(ранее определено здесь)"},
    {"*", R"(a definition (`let`))", R"(анықтама (`let`))", R"(определение (`let`))"},
    {"*", R"(a coefficient)", R"(коэффициент)", R"(коэффициент)"},
    {"*", R"(a result)", R"(нәтиже)", R"(результат)"},
    {"*", R"(an obligation)", R"(міндеттеме)", R"(обязательство)"},
    {"*", R"(act "{1}" from {2})", R"({2:abl} бастап, «{1}» акт)", R"(акт «{1}» с {2})"},
    {"amend-unknown-result", R"(clause {1} ({2}) has no result `{3}` whose range or rounding could change)",
     R"({1}-тармақта ({2:tr}) ауқымы немесе дөңгелектеуі өзгеретін `{3}` нәтижесі жоқ)",
     R"(у пункта {1} ({2:tr}) нет результата `{3}`, у которого можно изменить диапазон или округление)"},
    {"amend-unknown-result", R"(write the whole result: `result {1} = … range … round …`)",
     R"(нәтижені толық жазыңыз: `result {1} = … range … round …`)", R"(напишите результат целиком: `result {1} = … range … round …`)"},

    // ---- The rarer check codes: data contracts.
    {"duplicate-value", R"(`{1}` is listed twice among the values of column `{2}`)", R"(`{1}` `{2}` бағанының мәндері арасында екі рет берілген)",
     R"(`{1}` дважды указано среди значений столбца `{2}`)"},
    {"extend-too-early", R"(`extend table {1}` ({2}) does not come after the table itself ({3}))",
     R"(`extend table {1}` ({2:tr}) кестенің өзінен ({3:tr}) кейін келмейді)",
     R"(`extend table {1}` ({2:tr}) не следует за самой таблицей ({3:tr}))"},
    {"*", R"(act "{1}", {2})", R"(«{1}» акт, {2})", R"(акт «{1}», {2})"},
    {"*", R"(no act: in force on every date)", R"(акт жоқ: кез келген күні қолданыста)", R"(без акта: действует на любую дату)"},
    {"extend-too-early", R"(declare the columns in the table itself)", R"(бағандарды кестенің өзінде жариялаңыз)",
     R"(объявите столбцы в самой таблице)"},
    {"extend-too-early", R"(an extension belongs to a later act than the table's)", R"(кеңейту кестені жариялаған актіден кейінгі актіде болуы тиіс)",
     R"(расширение относится к более позднему акту, чем сама таблица)"},
    {"*", R"(the table is declared here)", R"(кесте осында жарияланған)", R"(таблица объявлена здесь)"},
    {"extend-header", R"(`extend table` adds columns, derived columns, references and invariants; {1} is the table's own, declared with it)",
     R"(`extend table` бағандарды, есептелетін бағандарды, сілтемелер мен инварианттарды қосады; {1} — кестенің өз элементі, ол кестемен бірге жарияланады)",
     R"(`extend table` добавляет столбцы, вычисляемые столбцы, ссылки и инварианты; {1} принадлежит самой таблице и объявляется вместе с ней)"},
    {"extend-header", R"(move it to the table's declaration)", R"(оны кестенің жариялануына көшіріңіз)", R"(перенесите это в объявление таблицы)"},
    {"*", R"(the key column)", R"(кілт бағаны)", R"(ключевой столбец)"},
    {"*", R"(the body column)", R"(орган бағаны)", R"(столбец органа)"},
    {"*", R"(the name column)", R"(атау бағаны)", R"(столбец названия)"},
    {"*", R"(the category column)", R"(санат бағаны)", R"(столбец категории)"},
    {"contract-unknown-column", R"({1} `{2}` is not a column of table `{3}`)", R"({1:tr} `{2}` — `{3}` кестесінің бағаны емес)",
     R"({1:tr} `{2}` не является столбцом таблицы `{3}`)"},
    {"contract-unknown-column", R"(the reference's column `{1}` is not a column of table `{2}`)",
     R"(сілтеменің `{1}` бағаны `{2}` кестесінің бағаны емес)", R"(столбец ссылки `{1}` не является столбцом таблицы `{2}`)"},
    {"contract-unknown-column", R"(`{1}` is not a column of table `{2}`)", R"(`{1}` — `{2}` кестесінің бағаны емес)",
     R"(`{1}` не является столбцом таблицы `{2}`)"},
    {"contract-unknown-column", R"(names are given in kk, ru or en)", R"(атаулар kk, ru немесе en тілінде беріледі)",
     R"(названия задаются на kk, ru или en)"},
    {"contract-unknown-column", R"(declare it with `column {1} TYPE "…"`)", R"(оны `column {1} TYPE "…"` түрінде жариялаңыз)",
     R"(объявите его: `column {1} TYPE "…"`)"},
    {"contract-derived-column", R"({1} `{2}` is a derived column; it must be a column the data file gives)",
     R"({1:tr} `{2}` — есептелетін баған; ол деректер файлы беретін баған болуы тиіс)",
     R"({1:tr} `{2}` — вычисляемый столбец; это должен быть столбец из файла данных)"},
    {"contract-body-column", R"(the body column `{1}` must be text that every row gives (not {2}))",
     R"(`{1}` орган бағаны әр жолда берілетін мәтін болуы тиіс ({2} емес))",
     R"(столбец органа `{1}` должен быть текстом, который есть в каждой строке (не {2}))"},
    {"contract-body-key", R"(the table of bodies is keyed by its body column: write `key {1}`)",
     R"(органдар кестесінің кілті — оның орган бағаны: `key {1}` деп жазыңыз)",
     R"(ключ таблицы органов — её столбец органа: напишите `key {1}`)"},
    {"contract-key", R"(the key column `{1}` must be text that every row gives (codes are text))",
     R"(`{1}` кілт бағаны әр жолда берілетін мәтін болуы тиіс (кодтар — мәтін))",
     R"(ключевой столбец `{1}` должен быть текстом, который есть в каждой строке (коды — это текст))"},
    {"contract-key", R"(a key has at most two columns (a body's column and a code))",
     R"(кілтте ең көбі екі баған болады (орган бағаны және код))", R"(в ключе не больше двух столбцов (столбец органа и код))"},
    {"contract-key", R"(a key of two columns starts with the body column: write `key {1}`)",
     R"(екі бағаннан тұратын кілт орган бағанынан басталады: `key {1}` деп жазыңыз)",
     R"(ключ из двух столбцов начинается со столбца органа: напишите `key {1}`)"},
    {"contract-not-bodies", R"(`names` and `category` describe the bodies; table `{1}` does not list them)",
     R"(`names` және `category` органдарды сипаттайды; `{1}` кестесі органдарды тізбелемейді)",
     R"(`names` и `category` описывают органы; таблица `{1}` их не перечисляет)"},
    {"contract-not-bodies", R"(add `lists bodies by COLUMN`, or move them to the table of bodies)",
     R"(`lists bodies by COLUMN` қосыңыз немесе оларды органдар кестесіне көшіріңіз)",
     R"(добавьте `lists bodies by COLUMN` или перенесите их в таблицу органов)"},
    {"two-body-tables", R"(tables `{1}` and `{2}` both list the bodies)", R"(`{1}` кестесі де, `{2}` кестесі де органдарды тізбелейді)",
     R"(таблицы `{1}` и `{2}` обе перечисляют органы)"},
    {"two-body-tables", R"(one table lists the bodies; the others belong to them with `per body by COLUMN`)",
     R"(органдарды бір кесте тізбелейді; қалғандары оларға `per body by COLUMN` арқылы тиесілі)",
     R"(органы перечисляет одна таблица; остальные относятся к ним через `per body by COLUMN`)"},
    {"two-body-tables", R"(the first table of bodies)", R"(органдардың бірінші кестесі)", R"(первая таблица органов)"},
    {"no-body-table", R"(the rows of table `{1}` belong to bodies, but no table lists the bodies)",
     R"(`{1}` кестесінің жолдары органдарға тиесілі, бірақ органдарды бірде-бір кесте тізбелемейді)",
     R"(строки таблицы `{1}` относятся к органам, но ни одна таблица не перечисляет органы)"},
    {"no-body-table", R"(declare the table of bodies with `lists bodies by COLUMN`)",
     R"(органдар кестесін `lists bodies by COLUMN` арқылы жариялаңыз)", R"(объявите таблицу органов с `lists bodies by COLUMN`)"},
    {"bodies-per-body", R"(table `{1}` lists the bodies; its rows cannot also belong to a body)",
     R"(`{1}` кестесі органдарды тізбелейді; оның жолдары бір органға тиесілі бола алмайды)",
     R"(таблица `{1}` перечисляет органы; её строки не могут также относиться к органу)"},
    {"bodies-per-body", R"(remove `per body by {1}`)", R"(`per body by {1}` бөлігін алып тастаңыз)", R"(удалите `per body by {1}`)"},
    {"contract-reference-type", R"(column `{1}` ({2}) cannot refer to `{3}` ({4}))", R"(`{1}` бағаны ({2}) `{3}` бағанына ({4}) сілтеме жасай алмайды)",
     R"(столбец `{1}` ({2}) не может ссылаться на `{3}` ({4}))"},
    {"not-per-body", R"(a `per body` invariant checks each body's rows; table `{1}` does not belong to a body)",
     R"(`per body` инварианты әр органның жолдарын тексереді; `{1}` кестесі органға тиесілі емес)",
     R"(инвариант `per body` проверяет строки каждого органа; таблица `{1}` не относится к органу)"},
    {"not-per-body", R"(`same body` needs both tables to belong to bodies; `{1}` does not)",
     R"(`same body` үшін екі кесте де органдарға тиесілі болуы керек; `{1}` кестесі тиесілі емес)",
     R"(для `same body` обе таблицы должны относиться к органам; `{1}` — нет)"},
    {"not-per-body", R"(an obligation checks the rows of one body; table `{1}` does not belong to a body)",
     R"(міндеттеме бір органның жолдарын тексереді; `{1}` кестесі органға тиесілі емес)",
     R"(обязательство проверяет строки одного органа; таблица `{1}` не относится к органу)"},

    // ---- The rarer check codes: the checker.
    {"reserved-name", R"(`{1}` is a built-in function and cannot be redefined)",
     R"(`{1}` — кірістірілген функция, оны қайта анықтауға болмайды)", R"(`{1}` — встроенная функция, её нельзя переопределить)"},
    {"reserved-name", R"(give the function another name)", R"(функцияға басқа атау беріңіз)", R"(дайте функции другое имя)"},
    {"column-outside-rows", R"(`{1}` is a column of table `{2}`, not of `{3}`)", R"(`{1}` — `{3}` емес, `{2}` кестесінің бағаны)",
     R"(`{1}` — столбец таблицы `{2}`, а не `{3}`)"},
    {"column-outside-rows", R"(`{1}` is a column of table `{2}`; it has a value only for one row)",
     R"(`{1}` — `{2}` кестесінің бағаны; оның мәні тек бір жол үшін болады)",
     R"(`{1}` — столбец таблицы `{2}`; у него есть значение только для одной строки)"},
    {"column-outside-rows", R"(these rows come from `{1}`; read `{2}` with its own aggregate over `{3}`)",
     R"(бұл жолдар `{1}` кестесінен алынады; `{2}` бағанын `{3}` кестесі бойынша жеке агрегатпен оқыңыз)",
     R"(эти строки берутся из `{1}`; читайте `{2}` собственным агрегатом по `{3}`)"},
    {"column-outside-rows", R"(use it inside a row condition, e.g. `count {1} where {2} …`)",
     R"(оны жол шартының ішінде пайдаланыңыз, мысалы `count {1} where {2} …`)",
     R"(используйте его внутри условия на строки, например `count {1} where {2} …`)"},
    {"not-in-force", R"({1} takes effect on {2} (act "{3}"), after this version of clause {4} (act "{5}") (from {6}))",
     R"({1:tr} {2} күні күшіне енеді («{3}» акт), яғни «{5}» актінің {4}-тармағының бұл редакциясынан ({6:abl} бастап) кейін)",
     R"({1:tr} вступает в силу {2} (акт «{3}»), позже этой редакции пункта {4} (акт «{5}») (с {6}))"},
    {"not-in-force", R"(a formula reads only the data contract in force when it takes effect)",
     R"(формула тек өзі күшіне енген кездегі қолданыстағы деректер сипаттамасын оқиды)",
     R"(формула читает только описание данных, действующее на момент её вступления в силу)"},
    {"*", R"(column `{1}` of table `{2}`)", R"(`{2}` кестесінің `{1}` бағаны)", R"(столбец `{1}` таблицы `{2}`)"},
    {"*", R"(table `{1}`)", R"(`{1}` кестесі)", R"(таблица `{1}`)"},
    {"duplicate-evidence", R"(the evidence for the text is stated twice)", R"(мәтіннің негіздемесі екі рет көрсетілген)",
     R"(основание для текста указано дважды)"},
    {"duplicate-evidence", R"(the evidence for the formula is stated twice)", R"(формуланың негіздемесі екі рет көрсетілген)",
     R"(основание для формулы указано дважды)"},
    {"too-large", R"(formulas of clause {1} (act "{2}") expand to more than {3} operations once every function call is replaced by its body, the limit)",
     R"(«{2}» актінің {1}-тармағының формулалары әр функция шақыруы оның денесімен ауыстырылғанда {3} операциядан асады: бұл — шек)",
     R"(формулы пункта {1} (акт «{2}») после подстановки тел всех функций дают больше {3|операции|операций|операций}: это предел)"},
    {"too-large", R"(a function whose body calls another function several times multiplies the work; compute the shared part once with `let`)",
     R"(денесі басқа функцияны бірнеше рет шақыратын функция жұмысты еселейді; ортақ бөлікті `let` арқылы бір рет есептеңіз)",
     R"(функция, тело которой несколько раз вызывает другую функцию, умножает работу; вычислите общую часть один раз через `let`)"},
    {"formula-not-on-file", R"(this formula of clause {1} (act "{2}") is not on file yet)",
     R"(«{2}» актінің {1}-тармағының бұл формуласы әлі файлда жоқ)", R"(эта формула пункта {1} (акт «{2}») ещё не внесена)"},
    {"formula-not-on-file", R"(write it from the act's text in place of `not_on_file`, and set the clause's `evidence formula`)",
     R"(оны `not_on_file` орнына акт мәтіні бойынша жазып, тармақтың `evidence formula` мәнін белгілеңіз)",
     R"(запишите её по тексту акта вместо `not_on_file` и укажите `evidence formula` пункта)"},
    {"misplaced-na", R"(`n/a` can only be expected in a test)", R"(`n/a` мәнін тек тестте күтуге болады)",
     R"(`n/a` можно ожидать только в тесте)"},
    {"misplaced-na", R"(a formula yields n/a by itself on a zero denominator)", R"(бөлгіш нөл болғанда формула n/a мәнін өзі береді)",
     R"(формула сама даёт n/a при нулевом знаменателе)"},
    {"derived-column", R"(`{1}` is worked out from other columns and cannot be set)",
     R"(`{1}` басқа бағандардан есептеледі, оны беруге болмайды)", R"(`{1}` вычисляется из других столбцов, и его нельзя задать)"},
    {"derived-column", R"(`{1}` is worked out from {2} and cannot be set)", R"(`{1}` мәні {2} бағандарынан есептеледі, оны беруге болмайды)",
     R"(`{1}` вычисляется из {2}, и его нельзя задать)"},
    {"derived-column", R"(set `{1}` instead)", R"(оның орнына `{1}` мәнін беріңіз)", R"(задайте вместо него `{1}`)"},
    {"derived-column", R"(set the columns it is computed from)", R"(ол есептелетін бағандардың мәндерін беріңіз)",
     R"(задайте столбцы, из которых он вычисляется)"},
    {"duplicate-assignment", R"(column `{1}` is set twice in these rows)", R"(`{1}` бағаны бұл жолдарда екі рет берілген)",
     R"(столбец `{1}` задан в этих строках дважды)"},

    // ---- The rarer check codes: composition.
    {"reference-not-in-force", R"({1} uses `{2} of clause {3}`, but clause {4} is repealed by act "{5}" from {6})",
     R"({1:tr} `{2} of clause {3}` мәнін пайдаланады, бірақ {4}-тармақтың күші «{5}» актімен {6:abl} бастап жойылған)",
     R"({1:tr} использует `{2} of clause {3}`, но пункт {4} отменён актом «{5}» с {6})"},
    {"reference-not-in-force", R"({1} uses `{2} of clause {3}`, but clause {4} is not in force {5}: its version of act "{6}" takes effect on {7})",
     R"({1:tr} `{2} of clause {3}` мәнін пайдаланады, бірақ {4}-тармақ {5:tr} қолданыста емес: оның «{6}» актідегі редакциясы {7} күні күшіне енеді)",
     R"({1:tr} использует `{2} of clause {3}`, но пункт {4} не действует {5:tr}: его редакция акта «{6}» вступает в силу {7})"},
    {"reference-not-in-force", R"({1} uses `{2} of clause {3}`, but clause {4} is not in force {5}: its repeal of act "{6}" takes effect on {7})",
     R"({1:tr} `{2} of clause {3}` мәнін пайдаланады, бірақ {4}-тармақ {5:tr} қолданыста емес: оның күшін жою туралы «{6}» акт {7} күні күшіне енеді)",
     R"({1:tr} использует `{2} of clause {3}`, но пункт {4} не действует {5:tr}: его отмена актом «{6}» вступает в силу {7})"},
    {"reference-not-in-force", R"({1} uses `{2} of clause {3}`, but clause {4} is not in force {5})",
     R"({1:tr} `{2} of clause {3}` мәнін пайдаланады, бірақ {4}-тармақ {5:tr} қолданыста емес)",
     R"({1:tr} использует `{2} of clause {3}`, но пункт {4} не действует {5:tr})"},
    {"reference-not-in-force", R"(a reference reads the version in force on the as-of date: clause {1} may be in force only while clause {2} is)",
     R"(сілтеме бағалау күні қолданыстағы редакцияны оқиды: {1}-тармақ тек {2}-тармақ қолданыста болған кезде ғана қолданыста бола алады)",
     R"(ссылка читает редакцию, действующую на дату оценки: пункт {1} может действовать, только пока действует пункт {2})"},
    {"*", R"(clause {1} (act "{2}", from {3} to {4}))", R"(«{2}» актінің {1}-тармағы ({3:abl} бастап {4:dat} дейін))",
     R"(пункт {1} (акт «{2}», с {3} по {4}))"},
    {"*", R"(clause {1} (act "{2}", from {3}))", R"(«{2}» актінің {1}-тармағы ({3:abl} бастап))", R"(пункт {1} (акт «{2}», с {3}))"},
    {"total-na-policy", R"(this total does not state how a part that is n/a enters it)",
     R"(бұл жиынтықта n/a болған бөліктің оған қалай кіретіні көрсетілмеген)",
     R"(в этом итоге не указано, как в него входит составляющая со значением n/a)"},
    {"total-na-policy",
     R"(end it with `when n/a renormalise` (the weights of the parts present scaled up to the whole), `when n/a total n/a`, or `when n/a as 0`: never a silent 0)",
     R"(оны `when n/a renormalise` (бар бөліктердің салмақтары тұтасқа дейін үлкейтіледі), `when n/a total n/a` немесе `when n/a as 0` сөздерімен аяқтаңыз: үнсіз 0 ешқашан болмайды)",
     R"(завершите его `when n/a renormalise` (веса имеющихся составляющих масштабируются до целого), `when n/a total n/a` или `when n/a as 0`: никогда не молчаливый 0)"},
    {"rank-unstated", R"(rank `{1}` of clause {2} (act "{3}") does not state which end ranks first)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` рейтингінде қай шеті бірінші тұратыны көрсетілмеген)",
     R"(в рейтинге `{1}` пункта {2} (акт «{3}») не указано, какой конец идёт первым)"},
    {"rank-unstated", R"(rank `{1}` of clause {2} (act "{3}") does not state how ties rank)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` рейтингінде тең мәндердің орны көрсетілмеген)",
     R"(в рейтинге `{1}` пункта {2} (акт «{3}») не указано, как ранжируются равные значения)"},
    {"rank-unstated", R"(rank `{1}` of clause {2} (act "{3}") does not state where a body whose result is n/a stands)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` рейтингінде нәтижесі n/a болған органның орны көрсетілмеген)",
     R"(в рейтинге `{1}` пункта {2} (акт «{3}») не указано, где стоит орган с результатом n/a)"},
    {"rank-unstated", R"(rank `{1}` of clause {2} (act "{3}") does not state where a body whose result is out of range stands)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` рейтингінде нәтижесі ауқымнан тыс органның орны көрсетілмеген)",
     R"(в рейтинге `{1}` пункта {2} (акт «{3}») не указано, где стоит орган с результатом вне диапазона)"},
    {"rank-unstated", R"(add `highest first` or `lowest first`)", R"(`highest first` немесе `lowest first` қосыңыз)",
     R"(добавьте `highest first` или `lowest first`)"},
    {"rank-subject", R"(a rank is worked out from a result, not from a formula)", R"(рейтинг формуладан емес, нәтижеден есептеледі)",
     R"(рейтинг вычисляется из результата, а не из формулы)"},
    {"rank-subject", R"(a grade is worked out from a result, not from a formula)", R"(деңгей формуладан емес, нәтижеден есептеледі)",
     R"(уровень вычисляется из результата, а не из формулы)"},
    {"rank-subject", R"(make the formula a `result` with its range, then name it here)",
     R"(формуланы ауқымы бар `result` етіп жазып, оны осы жерде атаңыз)", R"(сделайте формулу `result` с диапазоном и назовите его здесь)"},
    {"grade-bands", R"(`otherwise` is the last band: it takes every value below the others)",
     R"(`otherwise` — соңғы жолақ: ол басқалардан төмен барлық мәнді алады)",
     R"(`otherwise` — последняя полоса: в неё попадают все значения ниже остальных)"},
    {"grade-bands", R"(end with `band NAME otherwise "…"`)", R"(`band NAME otherwise "…"` жолағымен аяқтаңыз)",
     R"(закончите полосой `band NAME otherwise "…"`)"},
    {"grade-bands", R"(list bands from the highest bound down, each lower than the one before)",
     R"(жолақтарды ең жоғарғы шектен бастап төмен қарай, әрқайсысын алдыңғысынан төмен етіп жазыңыз)",
     R"(перечисляйте полосы от наибольшей границы вниз, каждую ниже предыдущей)"},
    {"grade-bands", R"(grade `{1}` has no bands)", R"(`{1}` деңгейінің жолақтары (band) жоқ)", R"(у уровня `{1}` нет полос (band))"},
    {"grade-bands", R"(band `{1}` says `otherwise`, but bands follow it)", R"(`{1}` жолағында `otherwise` жазылған, бірақ одан кейін басқа жолақтар бар)",
     R"(в полосе `{1}` указано `otherwise`, но после неё есть другие полосы)"},
    {"grade-bands", R"(the last band of grade `{1}` has a lower bound, so a value below {2} would get no grade)",
     R"(`{1}` деңгейінің соңғы жолағының төменгі шегі бар, сондықтан {2:abl} төмен мән деңгейсіз қалады)",
     R"(у последней полосы уровня `{1}` есть нижняя граница, поэтому значение ниже {2} не получит уровня)"},
    {"grade-bands", R"(band `{1}` starts at {2}, not below the band above it ({3}))",
     R"(`{1}` жолағы {2:abl} басталады, бұл одан жоғарғы жолақтан ({3}) төмен емес)",
     R"(полоса `{1}` начинается с {2}, не ниже полосы над ней ({3}))"},
    {"grade-label-missing", R"(band `{1}` of grade `{2}` has no label)", R"(`{2}` деңгейінің `{1}` жолағының белгісі жоқ)",
     R"(у полосы `{1}` уровня `{2}` нет подписи)"},
    {"grade-label-missing", R"(band `{1}` of grade `{2}` lacks its Kazakh and Russian labels)",
     R"(`{2}` деңгейінің `{1}` жолағының қазақша және орысша белгілері жоқ)",
     R"(у полосы `{1}` уровня `{2}` нет подписей на казахском и русском языках)"},
    {"grade-label-missing", R"(band `{1}` of grade `{2}` lacks its Kazakh label)", R"(`{2}` деңгейінің `{1}` жолағының қазақша белгісі жоқ)",
     R"(у полосы `{1}` уровня `{2}` нет подписи на казахском языке)"},
    {"grade-label-missing", R"(band `{1}` of grade `{2}` lacks its Russian label)", R"(`{2}` деңгейінің `{1}` жолағының орысша белгісі жоқ)",
     R"(у полосы `{1}` уровня `{2}` нет подписи на русском языке)"},
    {"grade-label-missing", R"(reports in Kazakh and Russian show the band's label: add `kk "…" ru "…"`)",
     R"(қазақ және орыс тіліндегі есептер жолақтың белгісін көрсетеді: `kk "…" ru "…"` қосыңыз)",
     R"(отчёты на казахском и русском языках показывают подпись полосы: добавьте `kk "…" ru "…"`)"},

    // ---- The rarer check codes: legal text and the range analysis.
    {"*", R"(Kazakh)", R"(қазақша)", R"(казахский)"},
    {"*", R"(Russian)", R"(орысша)", R"(русский)"},
    {"*", R"(English)", R"(ағылшынша)", R"(английский)"},
    {"*", R"(the Kazakh text)", R"(қазақша мәтін)", R"(текст на казахском языке)"},
    {"*", R"(the Russian text)", R"(орысша мәтін)", R"(текст на русском языке)"},
    {"text-letter-undefined", R"(the {1} text of clause {2} (act "{3}") defines `{4}`, which the clause does not define)",
     R"(«{3}» актінің {2}-тармағының {1:tr} мәтіні `{4}` белгісін анықтайды, ал тармақ оны анықтамайды)",
     R"({1:tr} текст пункта {2} (акт «{3}») определяет `{4}`, а пункт — нет)"},
    {"text-letter-undefined", R"(add it as a `let`, `coefficient` or `result` named `{1}`, as the text describes it)",
     R"(оны мәтінде сипатталғандай `{1}` деген `let`, `coefficient` немесе `result` ретінде қосыңыз)",
     R"(добавьте его как `let`, `coefficient` или `result` с именем `{1}`, как описано в тексте)"},
    {"text-letter-missing", R"(`{1}` of clause {2} (act "{3}") is not among the letters its {4} text defines)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` оның {4:tr} мәтіні анықтайтын белгілердің арасында жоқ)",
     R"(`{1}` пункта {2} (акт «{3}») нет среди обозначений, которые определяет его {4:tr} текст)"},
    {"text-letter-missing", R"(name it as the text does, or mark the formula `evidence formula reconstructed` if the act does not define it)",
     R"(оны мәтіндегідей атаңыз немесе акт оны анықтамаса, формуланы `evidence formula reconstructed` деп белгілеңіз)",
     R"(назовите его так, как в тексте, или, если акт его не определяет, отметьте формулу `evidence formula reconstructed`)"},
    {"text-translation", R"(the {1} text of clause {2} (act "{3}") has {4}, which its {5} text does not)",
     R"(«{3}» актінің {2}-тармағының {1:tr} мәтінінде {4} бар, ал оның {5:tr} мәтінінде жоқ)",
     R"({1:tr} текст пункта {2} (акт «{3}») содержит {4}, а его {5:tr} текст — нет)"},
    {"text-translation", R"(the {1} text of clause {2} (act "{3}") defines `{4}`, which its {5} text does not)",
     R"(«{3}» актінің {2}-тармағының {1:tr} мәтіні `{4}` белгісін анықтайды, ал оның {5:tr} мәтіні анықтамайды)",
     R"({1:tr} текст пункта {2} (акт «{3}») определяет `{4}`, а его {5:tr} текст — нет)"},
    {"text-translation", R"(the two texts of one act state the same numbers: check both against the published act)",
     R"(бір актінің екі мәтінінде сандар бірдей болады: екеуін де жарияланған актімен салыстырыңыз)",
     R"(оба текста одного акта содержат одни и те же числа: сверьте оба с опубликованным актом)"},
    {"text-translation", R"(the two texts of one act define the same letters: check both against the published act)",
     R"(бір актінің екі мәтіні бірдей белгілерді анықтайды: екеуін де жарияланған актімен салыстырыңыз)",
     R"(оба текста одного акта определяют одни и те же обозначения: сверьте оба с опубликованным актом)"},
    // The letters that differ are read by this code's entries below ({3:msg}), in this order: the
    // pairs split at "; " first, then each pair, then each letter by the shared entries ({N:tr});
    // a shared "Cyrillic {1} ({2})" would otherwise take a whole pair as one letter.
    {"text-letter-twin", R"(the legal text of clause {1} (act "{2}") writes {3}: read as the same letters)",
     R"(«{2}» актінің {1}-тармағының заң мәтінінде {3:msg} жазылған: бірдей әріптер ретінде оқылды)",
     R"(в юридическом тексте пункта {1} (акт «{2}») написано {3:msg}: прочитано как одни и те же буквы)"},
    {"text-letter-twin", R"(the legal text of clause {1} (act "{2}") writes {3}: read as the same letter)",
     R"(«{2}» актінің {1}-тармағының заң мәтінінде {3:msg} жазылған: бірдей әріп ретінде оқылды)",
     R"(в юридическом тексте пункта {1} (акт «{2}») написано {3:msg}: прочитано как одна и та же буква)"},
    {"text-letter-twin", R"({1}; {2})", R"({1:msg}; {2:msg})", R"({1:msg}; {2:msg})"},
    {"text-letter-twin", R"({1} in `{2}` where the code has {3})", R"(`{2}` ішінде {1:tr}, ал кодта {3:tr})",
     R"({1:tr} в `{2}`, а в коде — {3:tr})"},
    {"text-letter-twin", R"({1} where the code has {2})", R"({1:tr}, ал кодта {2:tr})", R"({1:tr}, а в коде — {2:tr})"},
    {"denominator-zero-when", R"(`{1}` is 0, and so {2} is n/a, exactly when the body has no rows of `{3}` where {4})",
     R"(`{1}` мәні 0 болады, демек {2} n/a болады, дәл органда `{3}` кестесінің {4} шартына сай жолы болмағанда)",
     R"(`{1}` равно 0, и поэтому {2} — n/a, ровно тогда, когда у органа нет строк `{3}`, где {4})"},
    {"denominator-zero-when", R"(`{1}` is 0, and so {2} is n/a, exactly when the body has no rows of `{3}`)",
     R"(`{1}` мәні 0 болады, демек {2} n/a болады, дәл органда `{3}` кестесінің жолы болмағанда)",
     R"(`{1}` равно 0, и поэтому {2} — n/a, ровно тогда, когда у органа нет строк `{3}`)"},
    {"denominator-zero-when", R"(`{1}` is 0, and so {2} is n/a, exactly when {3})",
     R"(`{1}` мәні 0 болады, демек {2} n/a болады, дәл мына жағдайда: {3})",
     R"(`{1}` равно 0, и поэтому {2} — n/a, ровно тогда, когда {3})"},

    // ---- More of the grammar's expectations.
    {"*", R"(the control character {1})", R"(басқару таңбасы {1})", R"(управляющий символ {1})"},
    {"*", R"(expected `]` to close the list)", R"(тізімді жабатын `]` күтілген еді)", R"(ожидалась `]`, закрывающая список)"},
    {"*", R"(expected a condition after `or`)", R"(`or` сөзінен кейін шарт күтілген еді)", R"(после `or` ожидалось условие)"},
    {"*", R"(expected a language code: kk, ru or en)", R"(тіл коды күтілген еді: kk, ru немесе en)",
     R"(ожидался код языка: kk, ru или en)"},
    {"*", R"(expected the act's registration number in double quotes, e.g. act "33140")",
     R"(қос тырнақшадағы актінің тіркеу нөмірі күтілген еді, мысалы act "33140")",
     R"(ожидался регистрационный номер акта в двойных кавычках, например act "33140")"},
    {"*", R"(expected `with` and the new words, as in `text ru replace "5" with "6"`)",
     R"(`with` және жаңа сөздер күтілген еді, мысалы `text ru replace "5" with "6"`)",
     R"(ожидалось `with` и новые слова, например `text ru replace "5" with "6"`)"},
    {"*", R"(expected what the evidence is for: text, variables or formula)",
     R"(негіздеменің неге қатысты екені күтілген еді: text, variables немесе formula)",
     R"(ожидалось, к чему относится основание: text, variables или formula)"},
    {"*", R"(expected an evidence level: official, seed, reconstructed or not_on_file)",
     R"(негіздеме деңгейі күтілген еді: official, seed, reconstructed немесе not_on_file)",
     R"(ожидался уровень основания: official, seed, reconstructed или not_on_file)"},
    {"*", R"(expected `over` and the table whose rows the obligation checks)",
     R"(`over` және міндеттеме жолдарын тексеретін кесте күтілген еді)",
     R"(ожидалось `over` и таблица, строки которой проверяет обязательство)"},
    {"*", R"(expected `breach when` and the condition that makes a row a breach)",
     R"(`breach when` және жолды бұзушылыққа айналдыратын шарт күтілген еді)",
     R"(ожидалось `breach when` и условие, при котором строка считается нарушением)"},
    {"*", R"(expected a column assignment such as `status = done`)", R"(`status = done` сияқты бағанға мән беру күтілген еді)",
     R"(ожидалось присваивание столбцу, например `status = done`)"},
    {"*", R"(expected rows such as `3 rows status = done`)", R"(`3 rows status = done` сияқты жолдар күтілген еді)",
     R"(ожидались строки, например `3 rows status = done`)"},
    {"*", R"(expected `n/a`)", R"(`n/a` күтілген еді)", R"(ожидалось `n/a`)"},
    {"*", R"(expected a part of the total, as in `T of clause 49 weight 3` or `deduct P of clause 114`)",
     R"(жиынтықтың бөлігі күтілген еді, мысалы `T of clause 49 weight 3` немесе `deduct P of clause 114`)",
     R"(ожидалась составляющая итога, например `T of clause 49 weight 3` или `deduct P of clause 114`)"},
    {"*",
     R"(expected how an n/a part enters the total: `renormalise` (the weights of the parts present scaled up), `total n/a`, or `as 0` (a stated value))",
     R"(n/a болған бөліктің жиынтыққа қалай кіретіні күтілген еді: `renormalise` (бар бөліктердің салмақтары үлкейтіледі), `total n/a` немесе `as 0` (белгіленген мән))",
     R"(ожидалось, как составляющая со значением n/a входит в итог: `renormalise` (веса имеющихся составляющих масштабируются), `total n/a` или `as 0` (заданное значение))"},
    {"*", R"(expected `first`, as in `highest first` or `lowest first`)", R"(`first` күтілген еді, мысалы `highest first` немесе `lowest first`)",
     R"(ожидалось `first`, например `highest first` или `lowest first`)"},
    {"*", R"(expected how ties rank: `ties shared` (1, 2, 2, 4) or `ties dense` (1, 2, 2, 3))",
     R"(тең мәндердің орны күтілген еді: `ties shared` (1, 2, 2, 4) немесе `ties dense` (1, 2, 2, 3))",
     R"(ожидалось, как ранжируются равные значения: `ties shared` (1, 2, 2, 4) или `ties dense` (1, 2, 2, 3))"},
    {"*", R"(expected where such a body stands: `unranked` (shown apart, no rank) or `last` (after every valid value))",
     R"(мұндай органның орны күтілген еді: `unranked` (бөлек көрсетіледі, орынсыз) немесе `last` (барлық жарамды мәндерден кейін))",
     R"(ожидалось, где стоит такой орган: `unranked` (показывается отдельно, без места) или `last` (после всех допустимых значений))"},
    {"*", R"(expected `from` and the lowest value of the band, or `otherwise` for the last band)",
     R"(`from` және жолақтың ең кіші мәні немесе соңғы жолақ үшін `otherwise` күтілген еді)",
     R"(ожидалось `from` и наименьшее значение полосы или `otherwise` для последней полосы)"},
    {"*", R"(expected an enum value: a name or a text in double quotes)", R"(enum мәні күтілген еді: атау немесе қос тырнақшадағы мәтін)",
     R"(ожидалось значение enum: имя или текст в двойных кавычках)"},
    {"*", R"(expected `empty` after `or`, as in `text or empty`)", R"(`or` сөзінен кейін `empty` күтілген еді, мысалы `text or empty`)",
     R"(после `or` ожидалось `empty`, например `text or empty`)"},
    {"*", R"(expected `bodies by` and the column holding each body's code, as in `lists bodies by code`)",
     R"(`bodies by` және әр органның коды жазылған баған күтілген еді, мысалы `lists bodies by code`)",
     R"(ожидалось `bodies by` и столбец с кодом каждого органа, например `lists bodies by code`)"},
    {"*", R"(expected `body by` and the column naming the row's body, as in `per body by body_code`)",
     R"(`body by` және жолдың органын атайтын баған күтілген еді, мысалы `per body by body_code`)",
     R"(ожидалось `body by` и столбец, называющий орган строки, например `per body by body_code`)"},
    {"*", R"(expected a language and a column, as in `names kk kazakh_name, ru russian_name`)",
     R"(тіл мен баған күтілген еді, мысалы `names kk kazakh_name, ru russian_name`)",
     R"(ожидались язык и столбец, например `names kk kazakh_name, ru russian_name`)"},
    {"*", R"(expected `.` between the table and the column, as in `items.code`)",
     R"(кесте мен бағанның арасында `.` күтілген еді, мысалы `items.code`)",
     R"(между таблицей и столбцом ожидалась `.`, например `items.code`)"},
    {"*", R"(expected `clause` and the clause numbers that rely on the invariant, as in `for clause 114`)",
     R"(`clause` және инвариантқа сүйенетін тармақтардың нөмірлері күтілген еді, мысалы `for clause 114`)",
     R"(ожидалось `clause` и номера пунктов, опирающихся на инвариант, например `for clause 114`)"},
    {"*", R"(expected `error` or `warning`: what a row that breaks the invariant is)",
     R"(`error` немесе `warning` күтілген еді: инвариантты бұзған жолдың не екені)",
     R"(ожидалось `error` или `warning`: чем считается строка, нарушающая инвариант)"},
    {"*", R"(expected `table` after `extend`)", R"(`extend` сөзінен кейін `table` күтілген еді)", R"(после `extend` ожидалось `table`)"},
    {"*", R"(expected `of act` and the act's number, as in `part of act "22599"`)",
     R"(`of act` және актінің нөмірі күтілген еді, мысалы `part of act "22599"`)",
     R"(ожидалось `of act` и номер акта, например `part of act "22599"`)"},

    // ---- More shapes of the check codes.
    {"amend-words-not-found", R"(the version of clause {1} this amends ({2}) has no {3} text whose words could be replaced)",
     R"({1}-тармақтың өзгертілетін редакциясында ({2:tr}) сөздері ауыстырылатын {3:tr} мәтін жоқ)",
     R"(в изменяемой редакции пункта {1} ({2:tr}) нет текста ({3:tr}), в котором можно заменить слова)"},
    {"amend-words-not-found", R"(write the whole text: `text {1} "…"`)", R"(мәтінді толық жазыңыз: `text {1} "…"`)",
     R"(напишите текст целиком: `text {1} "…"`)"},
    {"amend-kind-changed", R"(write `{1}` to change it, or give the new item another name)",
     R"(оны өзгерту үшін `{1}` деп жазыңыз немесе жаңа элементке басқа атау беріңіз)",
     R"(напишите `{1}`, чтобы изменить его, или дайте новому элементу другое имя)"},
    {"change-without-amends", R"(words of the {1} text are replaced, but clause {2} does not amend an earlier version)",
     R"({1:tr} мәтіннің сөздері ауыстырылады, бірақ {2}-тармақ бұрынғы редакцияны өзгертпейді)",
     R"(в тексте ({1:tr}) заменяются слова, но пункт {2} не изменяет прежнюю редакцию)"},
    {"change-without-amends", R"(add `amends {1}`, or write the whole text: `text {2} "…"`)",
     R"(`amends {1}` қосыңыз немесе мәтінді толық жазыңыз: `text {2} "…"`)",
     R"(добавьте `amends {1}` или напишите текст целиком: `text {2} "…"`)"},
    {"change-without-amends", R"(add `amends {1}` to change the range or rounding of the result in force, or write `result {2} = …`)",
     R"(қолданыстағы нәтиженің ауқымын немесе дөңгелектеуін өзгерту үшін `amends {1}` қосыңыз немесе `result {2} = …` деп жазыңыз)",
     R"(добавьте `amends {1}`, чтобы изменить диапазон или округление действующего результата, или напишите `result {2} = …`)"},
    {"cycle", R"(clauses read each other's results in a cycle: {1})", R"(тармақтар бір-бірінің нәтижелерін тұйық шеңбер бойынша оқиды: {1})",
     R"(пункты читают результаты друг друга по кругу: {1})"},
    {"rank-unstated", R"(add `ties shared` (equal values share the better rank: 1, 2, 2, 4) or `ties dense` (1, 2, 2, 3))",
     R"(`ties shared` (тең мәндер жоғарырақ орынды бөліседі: 1, 2, 2, 4) немесе `ties dense` (1, 2, 2, 3) қосыңыз)",
     R"(добавьте `ties shared` (равные значения делят лучшее место: 1, 2, 2, 4) или `ties dense` (1, 2, 2, 3))"},
    {"rank-unstated", R"(add `n/a unranked` (no rank, shown apart) or `n/a last` (after every valid value))",
     R"(`n/a unranked` (орынсыз, бөлек көрсетіледі) немесе `n/a last` (барлық жарамды мәндерден кейін) қосыңыз)",
     R"(добавьте `n/a unranked` (без места, показывается отдельно) или `n/a last` (после всех допустимых значений))"},
    {"rank-unstated", R"(add `out_of_range unranked` or `out_of_range last`: such a value is never ranked as if it were valid)",
     R"(`out_of_range unranked` немесе `out_of_range last` қосыңыз: мұндай мән ешқашан жарамды мән сияқты орын алмайды)",
     R"(добавьте `out_of_range unranked` или `out_of_range last`: такое значение никогда не ранжируется как допустимое)"},
    {"unknown-column", R"(`within {1}` needs the table of bodies, and no table lists bodies)",
     R"(`within {1}` үшін органдар кестесі керек, ал органдарды бірде-бір кесте тізбелемейді)",
     R"(для `within {1}` нужна таблица органов, а ни одна таблица не перечисляет органы)"},
    {"unknown-column", R"(declare the table of bodies with `lists bodies by CODE_COLUMN`)",
     R"(органдар кестесін `lists bodies by CODE_COLUMN` арқылы жариялаңыз)", R"(объявите таблицу органов с `lists bodies by CODE_COLUMN`)"},
    {"division-by-zero", R"(the range of result `{1}` of clause {2} (act "{3}") divides by zero: `{4}` is 0)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` нәтижесінің ауқымы нөлге бөледі: `{4}` мәні 0)",
     R"(диапазон результата `{1}` пункта {2} (акт «{3}») делит на ноль: `{4}` равно 0)"},
    {"division-by-zero", R"(the range of result `{1}` of clause {2} (act "{3}") divides by zero)",
     R"(«{3}» актінің {2}-тармағындағы `{1}` нәтижесінің ауқымы нөлге бөледі)",
     R"(диапазон результата `{1}` пункта {2} (акт «{3}») делит на ноль)"},
    {"division-by-zero", R"(a constant must have a value: check the number against the act)",
     R"(тұрақтының мәні болуы тиіс: санды актімен салыстырыңыз)", R"(у константы должно быть значение: сверьте число с актом)"},
    {"look-alike", R"(`{1}` is not `{2}`: it has {3} where {4} has {5})", R"(`{1}` — `{2}` емес: мұнда {3:tr}, ал дұрыс атауда ({4:tr}) — {5:tr})",
     R"(`{1}` — не `{2}`: здесь {3:tr}, а в правильном имени ({4:tr}) — {5:tr})"},
    {"*", R"(clause {1} (act "{2}"))", R"(«{2}» актінің {1}-тармағы)", R"(пункт {1} (акт «{2}»))"},
    {"*", R"(the text gives {1} here)", R"(мәтінде мұнда {1} берілген)", R"(здесь в тексте указано {1})"},
    {"*", R"(repealed here)", R"(күші осында жойылған)", R"(отменён здесь)"},
    {"version-gap", R"(write the whole clause without `amends` to re-enact it)",
     R"(тармақты қайта енгізу үшін оны `amends` сөзінсіз толық жазыңыз)", R"(чтобы ввести пункт заново, напишите его целиком без `amends`)"},
    {"bad-expectation", R"(grade `{1}` is expected by one of its bands: {2}, or n/a)",
     R"(`{1}` деңгейінің күтілетін мәні — оның жолақтарының бірі: {2} немесе n/a)",
     R"(ожидаемое значение уровня `{1}` — одна из его полос: {2} или n/a)"},
    {"bad-row-count",
     R"(a test needs the rows that decide its expectation: count a share with fewer rows (10 of 40 is 25 %, as 250000 of 1000000 is))",
     R"(тестке оның күтілетін мәнін шешетін жолдар ғана керек: үлесті азырақ жолмен санаңыз (40-тың 10-ы да, 1000000-ның 250000-ы сияқты, 25 %))",
     R"(тесту нужны только строки, от которых зависит ожидаемое значение: считайте долю на меньшем числе строк (10 из 40 — те же 25 %, что и 250000 из 1000000))"},

    {"syntax", R"(`{1}` is the keyword `{2}` typed with {3} for {4}: retype it in the Latin layout)",
     R"(`{1}` — басқа әріппен терілген `{2}` кілт сөзі: {3:tr}; керегі — {4:tr}: оны латын пернетақтасында қайта теріңіз)",
     R"(`{1}` — ключевое слово `{2}`, набранное с другой буквой: {3:tr}; нужна {4:tr}: наберите его в латинской раскладке)"},

    // ---- Help lines and notes shared by many codes.
    {"*", R"(did you mean `{1}`?)", R"(`{1}` деп жазғыңыз келген болар?)", R"(возможно, имелось в виду `{1}`?)"},
    {"*", R"(did you mean clause {1}?)", R"({1}-тармақ болуы мүмкін бе?)", R"(возможно, имелся в виду пункт {1}?)"},
    {"*", R"(did you mean act "{1}"?)", R"(«{1}» акт болуы мүмкін бе?)", R"(возможно, имелся в виду акт «{1}»?)"},
    {"*", R"(its values are {1})", R"(оның мәндері: {1})", R"(его значения: {1})"},
    {"*", R"(its results are {1})", R"(оның нәтижелері: {1})", R"(его результаты: {1})"},
    {"*", R"(the tables are {1})", R"(кестелер: {1})", R"(таблицы: {1})"},
    {"*", R"(from {1} to {2})", R"({1:abl} бастап {2:dat} дейін)", R"(с {1} по {2})"},
    {"*", R"(from {1})", R"({1:abl} бастап)", R"(с {1})"},
    {"*", R"(first defined here)", R"(алғаш осында анықталған)", R"(впервые определено здесь)"},
    {"*", R"(first declared here)", R"(алғаш осында жарияланған)", R"(впервые объявлено здесь)"},
    {"*", R"(also declared here)", R"(осында да жарияланған)", R"(объявлено также здесь)"},
    {"*", R"(first repealed here)", R"(күші алғаш осында жойылған)", R"(впервые отменён здесь)"},
    {"*", R"(in the clause that starts here)", R"(осында басталатын тармақта)", R"(в пункте, который начинается здесь)"},
    {"*", R"(in the table that starts here)", R"(осында басталатын кестеде)", R"(в таблице, которая начинается здесь)"},
    {"*", R"(the other version)", R"(басқа редакция)", R"(другая редакция)"},
    {"*", R"(the version in force before)", R"(бұрын қолданыста болған редакция)", R"(редакция, действовавшая ранее)"},
    {"*", R"(the first act is declared here)", R"(бірінші акт осында жарияланған)", R"(первый акт объявлен здесь)"},
    {"*", R"(the file ends here, while clause {1} is still open)", R"({1}-тармақ әлі жабылмаған, ал файл осында аяқталады)",
     R"(файл заканчивается здесь, а пункт {1} ещё не закрыт)"},
    {"*", R"(the next item starts here, while clause {1} is still open)",
     R"({1}-тармақ әлі жабылмаған, ал келесі элемент осында басталады)",
     R"(здесь начинается следующий элемент, а пункт {1} ещё не закрыт)"},
    {"*", R"(close the clause with `end` after its last item)", R"(тармақты соңғы элементінен кейін `end` сөзімен жабыңыз)",
     R"(закройте пункт словом `end` после последнего элемента)"},
    {"*", R"(save the file as UTF-8)", R"(файлды UTF-8 кодтауымен сақтаңыз)", R"(сохраните файл в кодировке UTF-8)"},
    {"*", R"(check the path to the rule files)", R"(ереже файлдарына апаратын жолды тексеріңіз)",
     R"(проверьте путь к файлам правил)"},
    {"*", R"(check the day: it is past the end of that month)", R"(күнді тексеріңіз: ол сол айдың соңынан кейін тұр)",
     R"(проверьте день: в этом месяце нет такого числа)"},
    {"*", R"(write dates as YYYY-MM-DD, e.g. 2025-01-31)", R"(күндерді YYYY-MM-DD түрінде жазыңыз, мысалы 2025-01-31)",
     R"(пишите даты в виде YYYY-MM-DD, например 2025-01-31)"},
    {"*", R"(give it a name with `let` first, then use the name here)",
     R"(алдымен оған `let` арқылы атау беріп, осы жерде сол атауды пайдаланыңыз)",
     R"(сначала дайте ему имя через `let`, затем используйте имя здесь)"},
    {"*", R"(remove `of …`)", R"(`of …` бөлігін алып тастаңыз)", R"(удалите `of …`)"},
    {"*", R"(make the shared part a `let` and use it in both results)",
     R"(ортақ бөлікті `let` етіп жазып, екі нәтижеде де пайдаланыңыз)",
     R"(вынесите общую часть в `let` и используйте её в обоих результатах)"},
    {"*", R"(a definition cannot use itself, directly or through others)",
     R"(анықтама өзін тікелей де, басқалар арқылы да пайдалана алмайды)",
     R"(определение не может использовать само себя ни прямо, ни через другие)"},
    {"*", R"(add `replaces {1}` to the new wording)", R"(жаңа редакцияға `replaces {1}` қосыңыз)",
     R"(добавьте `replaces {1}` в новую редакцию)"},
    {"*", R"(one act must replace the other from a later date)", R"(бір акт екіншісін кейінгі күннен бастап ауыстыруы тиіс)",
     R"(один акт должен заменить другой с более поздней даты)"},
    {"*", R"(add the act with the earlier wording, or remove `replaces`)",
     R"(бұрынғы редакциясы бар актіні қосыңыз немесе `replaces` сөзін алып тастаңыз)",
     R"(добавьте акт с прежней редакцией или удалите `replaces`)"},
    {"*", R"(add the act with the wording it amends, or write the whole clause without `amends`)",
     R"(өзгертілетін редакциясы бар актіні қосыңыз немесе тармақты `amends` сөзінсіз толық жазыңыз)",
     R"(добавьте акт с изменяемой редакцией или напишите пункт целиком без `amends`)"},
    {"*", R"(put each act in a file of its own)", R"(әр актіні жеке файлға жазыңыз)", R"(поместите каждый акт в отдельный файл)"},
    {"*", R"(add `in_force YYYY-MM-DD` after the act's title)", R"(актінің атауынан кейін `in_force YYYY-MM-DD` қосыңыз)",
     R"(добавьте `in_force YYYY-MM-DD` после названия акта)"},
    {"*", R"(start the file with `act "NUMBER" "title" in_force YYYY-MM-DD`)",
     R"(файлды `act "NUMBER" "title" in_force YYYY-MM-DD` жолынан бастаңыз)",
     R"(начните файл строкой `act "NUMBER" "title" in_force YYYY-MM-DD`)"},
    {"*", R"(a new wording keeps its number: write `replaces {1}`)", R"(жаңа редакция нөмірін сақтайды: `replaces {1}` деп жазыңыз)",
     R"(новая редакция сохраняет номер: напишите `replaces {1}`)"},
    {"*", R"(drop `replaces` to re-enact the clause, or move the repeal)",
     R"(тармақты қайта енгізу үшін `replaces` сөзін алып тастаңыз немесе күшін жоюды басқа жерге жылжытыңыз)",
     R"(уберите `replaces`, чтобы ввести пункт заново, или перенесите отмену)"},
    {"*", R"(`replaces` restates the whole clause; `amends` changes only the items written: keep one)",
     R"(`replaces` тармақты толық қайта жазады; `amends` тек жазылған элементтерді өзгертеді: біреуін қалдырыңыз)",
     R"(`replaces` излагает пункт целиком, `amends` меняет только указанные элементы: оставьте одно)"},
    {"*", R"(a total reads its parts, never the other way round: remove one of the references)",
     R"(жиынтық өз бөліктерін оқиды, керісінше емес: сілтемелердің бірін алып тастаңыз)",
     R"(итог читает свои части, а не наоборот: удалите одну из ссылок)"},
    {"*", R"(within a clause, share a value with `let` and use it in both results)",
     R"(тармақ ішінде ортақ мәнді `let` арқылы беріп, екі нәтижеде де пайдаланыңыз)",
     R"(внутри пункта вынесите общее значение в `let` и используйте его в обоих результатах)"},
    {"*", R"(name a clause of the rule set)", R"(ережелер жиынындағы тармақты атаңыз)", R"(укажите пункт из набора правил)"},
    {"*", R"(name the clause whose formula relies on the invariant)", R"(формуласы инвариантқа сүйенетін тармақты атаңыз)",
     R"(укажите пункт, формула которого опирается на инвариант)"},
    {"*", R"(a later act adds columns with `extend table {1}`)", R"(кейінгі акт бағандарды `extend table {1}` арқылы қосады)",
     R"(более поздний акт добавляет столбцы через `extend table {1}`)"},
    {"*", R"(declare it with `table {1} … end`)", R"(кестені `table {1} … end` түрінде жариялаңыз)",
     R"(объявите таблицу: `table {1} … end`)"},
    {"*", R"(the standard library is listed in docs/language.md)", R"(стандартты кітапхана docs/language.md құжатында сипатталған)",
     R"(стандартная библиотека описана в docs/language.md)"},
    {"*", R"(pass the aggregate in as an argument)", R"(агрегатты аргумент ретінде беріңіз)", R"(передайте агрегат как аргумент)"},
    {"*", R"(split the expression into named `let` definitions)", R"(өрнекті атаулы `let` анықтамаларына бөліңіз)",
     R"(разбейте выражение на именованные определения `let`)"},
    {"*", R"(add the range the law allows, e.g. `range 0..k`)", R"(заң рұқсат ететін ауқымды қосыңыз, мысалы `range 0..k`)",
     R"(добавьте диапазон, который допускает закон, например `range 0..k`)"},
};

// A pattern: literal text and numbered placeholders, in order.
using Segment = std::variant<std::string, int>;

std::vector<Segment> parse_pattern(std::string_view p) {
  std::vector<Segment> out;
  std::string lit;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '{') {
      std::size_t j = i + 1;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
      if (j > i + 1 && j < p.size() && p[j] == '}') {
        if (!lit.empty()) out.emplace_back(std::move(lit));
        lit.clear();
        out.emplace_back(std::stoi(std::string(p.substr(i + 1, j - i - 1))));
        i = j;
        continue;
      }
    }
    lit += p[i];
  }
  if (!lit.empty()) out.emplace_back(std::move(lit));
  return out;
}

using Captures = std::map<int, std::string>;

bool match(const std::vector<Segment>& segs, std::size_t i, std::string_view text, std::size_t pos, Captures& caps) {
  if (i == segs.size()) return pos == text.size();
  if (const auto* lit = std::get_if<std::string>(&segs[i])) {
    if (text.substr(pos, lit->size()) != *lit) return false;
    return match(segs, i + 1, text, pos + lit->size(), caps);
  }
  const int n = std::get<int>(segs[i]);
  const std::string* next = i + 1 < segs.size() ? std::get_if<std::string>(&segs[i + 1]) : nullptr;
  // Inside backticks or quotes a capture stops at the closing one.
  const char stop = next && !next->empty() && (next->front() == '`' || next->front() == '"') ? next->front() : '\0';
  if (auto it = caps.find(n); it != caps.end()) {  // the same placeholder twice: the same text
    if (text.substr(pos, it->second.size()) != it->second) return false;
    return match(segs, i + 1, text, pos + it->second.size(), caps);
  }
  for (std::size_t end = pos + 1; end <= text.size(); ++end) {
    if (stop && text[end - 1] == stop) break;
    if (next && text.substr(end, next->size()) != *next) continue;
    caps[n] = std::string(text.substr(pos, end - pos));
    if (match(segs, i + 1, text, end, caps)) return true;
    caps.erase(n);
  }
  return false;
}

struct Parsed {
  const Wording* w;
  std::vector<Segment> en;
};

const std::vector<Parsed>& parsed() {
  static const std::vector<Parsed> all = [] {
    std::vector<Parsed> v;
    for (const auto& w : kWordings) v.push_back({&w, parse_pattern(w.en)});
    return v;
  }();
  return all;
}

std::optional<KkCase> kk_case_named(std::string_view s) {
  if (s == "abl") return KkCase::Ablative;
  if (s == "loc") return KkCase::Locative;
  if (s == "dat") return KkCase::Dative;
  if (s == "gen") return KkCase::Genitive;
  if (s == "acc") return KkCase::Accusative;
  return std::nullopt;
}

std::optional<std::string> translate_in(std::string_view code, std::string_view text, std::string_view lang, bool any,
                                        bool& partial);

// Fills the placeholders of a Kazakh or Russian wording; nothing if a `{N:tr}`, `{N:msg}` or
// `{N:any}` has no wording. A lenient one (`{N:msg?}` …) with no wording keeps the captured English
// text instead and sets `partial`. `code` is whose messages `{N:msg}` reads; `any` lets it read
// every code's (inside a `{N:any}`).
std::optional<std::string> fill(std::string_view target, const Captures& caps, std::string_view lang,
                                std::string_view code, bool any, bool& partial) {
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '{') {
      std::size_t close = target.find('}', i);
      std::size_t j = i + 1;
      while (j < target.size() && std::isdigit(static_cast<unsigned char>(target[j]))) ++j;
      if (close != std::string_view::npos && j > i + 1) {
        const int n = std::stoi(std::string(target.substr(i + 1, j - i - 1)));
        std::string_view mod = target.substr(j, close - j);
        auto it = caps.find(n);
        if (it == caps.end()) return std::nullopt;
        const std::string& v = it->second;
        const bool lenient = mod.size() > 1 && mod.front() == ':' && mod.back() == '?';
        if (lenient) mod.remove_suffix(1);
        if (mod.empty()) {
          out += v;
        } else if (mod == ":tr" || mod == ":msg" || mod == ":any") {
          auto t = mod == ":tr"    ? translate_in("*", v, lang, false, partial)
                   : mod == ":msg" ? translate_in(code, v, lang, any, partial)
                                   : translate_in(code, v, lang, true, partial);
          if (t) {
            out += *t;
          } else if (lenient) {
            out += v;
            partial = true;
          } else {
            return std::nullopt;
          }
        } else if (mod.front() == ':' && kk_case_named(mod.substr(1))) {
          out += kk_number_case(v, *kk_case_named(mod.substr(1)));
        } else if (mod.front() == '|') {
          std::vector<std::string_view> forms;
          std::size_t b = 1;
          while (b <= mod.size()) {
            std::size_t e = mod.find('|', b);
            if (e == std::string_view::npos) e = mod.size();
            forms.push_back(mod.substr(b, e - b));
            b = e + 1;
          }
          if (forms.size() != 3) return std::nullopt;
          out += ru_count(v, forms[0], forms[1], forms[2]);
        } else {
          return std::nullopt;
        }
        i = close;
        continue;
      }
    }
    out += target[i];
  }
  return out;
}

// How much of a pattern is literal text: of two patterns that match, the longer spells out more.
std::size_t literal_size(const std::vector<Segment>& segs) {
  std::size_t n = 0;
  for (const auto& s : segs)
    if (const auto* lit = std::get_if<std::string>(&s)) n += lit->size();
  return n;
}

// `text` by the entries of `code`, then the shared "*" ones, in catalogue order; then (with `any`)
// by those of every other code, the one whose pattern spells out the most of the text first (a
// generic shape such as "`{1}` is {2}" must not take a message another code words in full). An
// entry of another code reads its nested `{N:msg}` as that code's.
std::optional<std::string> translate_in(std::string_view code, std::string_view text, std::string_view lang, bool any,
                                        bool& partial) {
  auto apply = [&](const Parsed& p, const Captures& caps, std::string_view nested_code,
                   bool nested_any) -> std::optional<std::string> {
    bool part = false;
    auto t = fill(lang == "kk" ? p.w->kk : p.w->ru, caps, lang, nested_code, nested_any, part);
    if (t) partial = partial || part;
    return t;
  };
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && code == "*") break;
    for (const auto& p : parsed()) {
      if (p.w->code != (pass == 0 ? code : std::string_view("*"))) continue;
      Captures caps;
      if (!match(p.en, 0, text, 0, caps)) continue;
      if (auto t = apply(p, caps, code, any)) return t;
    }
  }
  if (!any) return std::nullopt;
  std::vector<std::pair<const Parsed*, Captures>> found;
  for (const auto& p : parsed()) {
    const std::string_view c = p.w->code;
    if (c == code || c == "*") continue;
    Captures caps;
    if (match(p.en, 0, text, 0, caps)) found.emplace_back(&p, std::move(caps));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return literal_size(a.first->en) > literal_size(b.first->en); });
  for (const auto& [p, caps] : found)
    if (auto t = apply(*p, caps, p->w->code, false)) return t;
  return std::nullopt;
}

// UTF-8 code points of a word, for its last vowel and last letter.
std::vector<std::string> letters(std::string_view w) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t n = 1;
    const auto c = static_cast<unsigned char>(w[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    out.emplace_back(w.substr(i, n));
    i += n;
  }
  return out;
}

bool one_of(const std::string& l, std::initializer_list<const char*> set) {
  for (const char* s : set)
    if (l == s) return true;
  return false;
}

}  // namespace

const std::vector<Wording>& diagnostic_wordings() { return kWordings; }

bool is_diagnostic_language(std::string_view lang) { return lang == "en" || lang == "kk" || lang == "ru"; }

std::optional<std::string> translate_diagnostic_text(std::string_view code, std::string_view text, std::string_view lang,
                                                     bool* partial) {
  if (partial) *partial = false;
  if (lang == "en") return std::string(text);
  if (lang != "kk" && lang != "ru") return std::nullopt;
  bool part = false;
  auto t = translate_in(code, text, lang, false, part);
  if (partial) *partial = t && part;
  return t;
}

void DiagnosticTranslator::add_term(const std::string& english, const std::string& translated) {
  if (lang_ == "en" || english.size() < 8 || translated.empty() || translated == english) return;
  for (const auto& term : terms_)
    if (term.first == english) return;  // the first description written for it stands
  auto at = std::find_if(terms_.begin(), terms_.end(), [&](const auto& x) { return x.first.size() < english.size(); });
  terms_.insert(at, {english, translated});
}

std::string DiagnosticTranslator::with_terms(const std::string& t) const {
  // The rule file's words in this language where the message quotes them; each place once, left
  // to right, so that a translation that contains another term is not replaced again.
  if (terms_.empty()) return t;
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    bool hit = false;
    for (const auto& [e, tr] : terms_)
      if (t.compare(i, e.size(), e) == 0) {
        out += tr;
        i += e.size();
        hit = true;
        break;
      }
    if (!hit) out += t[i++];
  }
  return out;
}

std::string DiagnosticTranslator::text(std::string_view code, const std::string& english) {
  if (lang_ == "en" || english.empty()) return english;
  bool partial = false;
  if (auto t = translate_diagnostic_text(code, english, lang_, &partial)) {
    if (partial) missed_ = true;  // a lenient part stayed English: the notice says so
    return with_terms(*t);
  }
  missed_ = true;
  return english;
}

Diagnostic DiagnosticTranslator::operator()(const Diagnostic& d) {
  Diagnostic out = d;
  out.message = text(d.code, d.message);
  out.help = text(d.code, d.help);
  for (auto& n : out.notes) n.message = text(d.code, n.message);
  return out;
}

Diagnostics DiagnosticTranslator::operator()(const Diagnostics& ds) {
  Diagnostics out;
  for (const auto& d : ds.list()) out.add((*this)(d));
  return out;
}

std::string DiagnosticTranslator::notice() const {
  if (lang_ == "kk") return "ескерту: кейбір хабарламалардың қазақша нұсқасы әлі жоқ, олар ағылшынша берілді\n";
  if (lang_ == "ru") return "примечание: у некоторых сообщений ещё нет русской формулировки, они показаны на английском\n";
  return {};
}

// ---- Kazakh endings after numbers.

std::string kk_last_word(std::string_view number) {
  // The last run of digits, and the run before it when they are joined by a decimal point.
  std::size_t e = number.size();
  while (e > 0 && !std::isdigit(static_cast<unsigned char>(number[e - 1]))) --e;
  std::size_t b = e;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(number[b - 1]))) --b;
  std::string_view digits = number.substr(b, e - b);
  // "7.00": the fraction is all zeros and the number is read as its whole part.
  if (b >= 2 && (number[b - 1] == '.' || number[b - 1] == ',') && std::isdigit(static_cast<unsigned char>(number[b - 2])) &&
      digits.find_first_not_of('0') == std::string_view::npos) {
    std::size_t wb = b - 1;
    while (wb > 0 && std::isdigit(static_cast<unsigned char>(number[wb - 1]))) --wb;
    digits = number.substr(wb, b - 1 - wb);
  }
  // Leading zeros are not spoken ("01" is бір); the number is read by its last non-zero group.
  std::size_t nz = digits.find_first_not_of('0');
  if (nz == std::string_view::npos) return "нөл";
  digits = digits.substr(nz);
  static const char* const units[] = {"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"};
  static const char* const tens[] = {"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
  const std::size_t n = digits.size();
  auto digit = [&](std::size_t from_right) { return n > from_right ? digits[n - 1 - from_right] - '0' : 0; };
  if (digit(0)) return units[digit(0)];
  if (digit(1)) return tens[digit(1)];
  if (digit(2)) return "жүз";
  // Zeros end the number: its last word names the largest group it ends with.
  std::size_t zeros = 0;
  while (zeros < n && digits[n - 1 - zeros] == '0') ++zeros;
  if (zeros < 6) return "мың";
  if (zeros < 9) return "миллион";
  if (zeros < 12) return "миллиард";
  return "триллион";
}

std::string kk_word_suffix(std::string_view word, KkCase c) {
  const auto ls = letters(word);
  if (ls.empty()) return {};
  // Front or back by the last vowel that decides it (и, у, ю follow the vowels before them).
  bool front = false;
  for (auto it = ls.rbegin(); it != ls.rend(); ++it) {
    if (one_of(*it, {"а", "о", "ұ", "ы", "я", "ё"})) { front = false; break; }
    if (one_of(*it, {"ә", "ө", "ү", "і", "е", "э"})) { front = true; break; }
  }
  const std::string& last = ls.back();
  enum class Sound { Vowel, Glide, Nasal, Sonorant, Voiced, Voiceless } s;
  if (one_of(last, {"а", "ә", "е", "о", "ө", "ұ", "ү", "ы", "і", "и", "э", "ю", "я", "ё"})) s = Sound::Vowel;
  else if (one_of(last, {"у", "й"})) s = Sound::Glide;
  else if (one_of(last, {"м", "н", "ң"})) s = Sound::Nasal;
  else if (one_of(last, {"л", "р"})) s = Sound::Sonorant;
  else if (one_of(last, {"ж", "з"})) s = Sound::Voiced;
  else s = Sound::Voiceless;  // п ф к қ т с ш щ х һ ц ч, and б в г д, which sound voiceless at the end
  const bool hard = s == Sound::Voiceless;
  switch (c) {
    case KkCase::Ablative:
      if (s == Sound::Nasal) return front ? "нен" : "нан";
      if (hard) return front ? "тен" : "тан";
      return front ? "ден" : "дан";
    case KkCase::Locative:
      if (hard) return front ? "те" : "та";
      return front ? "де" : "да";
    case KkCase::Dative:
      if (hard) return front ? "ке" : "қа";
      return front ? "ге" : "ға";
    case KkCase::Genitive:
      if (s == Sound::Vowel || s == Sound::Nasal) return front ? "нің" : "ның";
      if (hard) return front ? "тің" : "тың";
      return front ? "дің" : "дың";
    case KkCase::Accusative:
      if (s == Sound::Vowel) return front ? "ні" : "ны";
      if (hard) return front ? "ті" : "ты";
      return front ? "ді" : "ды";
  }
  return {};
}

std::string kk_number_case(std::string_view number, KkCase c) {
  return std::string(number) + "-" + kk_word_suffix(kk_last_word(number), c);
}

// ---- Russian forms after numbers.

RuForm ru_plural_form(std::string_view number) {
  std::size_t e = number.size();
  while (e > 0 && !std::isdigit(static_cast<unsigned char>(number[e - 1]))) --e;
  std::size_t b = e;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(number[b - 1]))) --b;
  if (b == e) return RuForm::Many;
  if (b >= 2 && (number[b - 1] == '.' || number[b - 1] == ',') && std::isdigit(static_cast<unsigned char>(number[b - 2])))
    return RuForm::Few;  // 2.5 ошибки, 10.5 процента: a fraction takes the genitive singular
  const std::string_view d = number.substr(b, e - b);
  const int last = d.back() - '0';
  const int tens = d.size() > 1 ? d[d.size() - 2] - '0' : 0;
  if (tens == 1) return RuForm::Many;
  if (last == 1) return RuForm::One;
  if (last >= 2 && last <= 4) return RuForm::Few;
  return RuForm::Many;
}

std::string ru_count(std::string_view number, std::string_view one, std::string_view few, std::string_view many) {
  const RuForm f = ru_plural_form(number);
  return std::string(number) + " " + std::string(f == RuForm::One ? one : f == RuForm::Few ? few : many);
}

}  // namespace ereje
