// The catalogue of Kazakh and Russian wordings of diagnostics, and the matcher that applies it
// (core/DiagnosticText.hpp). The terms are the project's own (cli/Html.cpp, cli/cmd_explain.cpp,
// cli/cmd_contract.cpp, docs/tutorial.kk.md, docs/tutorial.ru.md): clause тармақ/пункт, act акт,
// version редакция, result нәтиже/результат, table кесте/таблица, column баған/столбец, range
// ауқым/диапазон, evidence негіздеме/основание, data description деректер сипаттамасы/описание данных.
#include "core/DiagnosticText.hpp"

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
    {"test-failure", R"(the test's rows are not valid data: {1})", R"(тест жолдары жарамды деректер емес: {1})",
     R"(строки теста — некорректные данные: {1})"},
    {"test-heading", R"(clause {1} (act "{2}", version {3}): "{4}")", R"({1}-тармақ («{2}» акт, {3} редакциясы): «{4}»)",
     R"(пункт {1} (акт «{2}», редакция {3}): «{4}»)"},
    {"test-heading", R"( (inherited from act "{1}"))", R"( («{1}» актіден мұраға қалған))", R"( (унаследован от акта «{1}»))"},
    {"test-heading",
     R"(the amendment (act "{1}") inherits this test; if the new value is right, restate the test in clause {2} of act "{3}" under the same name)",
     R"(өзгеріс («{1}» акт) бұл тестті мұраға алады; жаңа мән дұрыс болса, тестті «{3}» актінің {2}-тармағында сол атаумен қайта жазыңыз)",
     R"(изменение (акт «{1}») наследует этот тест; если новое значение верно, повторите тест в пункте {2} акта «{3}» под тем же именем)"},
    {"test-summary", R"({1} passed, {2} failed)", R"({1} тест өтті, {2} тест өтпеді)",
     R"({1|тест пройден|теста пройдены|тестов пройдено}, {2|не пройден|не пройдены|не пройдено})"},

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

// Fills the placeholders of a Kazakh or Russian wording; nothing if a `{N:tr}` has no wording.
std::optional<std::string> fill(std::string_view target, const Captures& caps, std::string_view lang) {
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '{') {
      std::size_t close = target.find('}', i);
      std::size_t j = i + 1;
      while (j < target.size() && std::isdigit(static_cast<unsigned char>(target[j]))) ++j;
      if (close != std::string_view::npos && j > i + 1) {
        const int n = std::stoi(std::string(target.substr(i + 1, j - i - 1)));
        const std::string_view mod = target.substr(j, close - j);
        auto it = caps.find(n);
        if (it == caps.end()) return std::nullopt;
        const std::string& v = it->second;
        if (mod.empty()) {
          out += v;
        } else if (mod.front() == ':' && mod.substr(1) == "tr") {
          auto t = translate_diagnostic_text("*", v, lang);
          if (!t) return std::nullopt;
          out += *t;
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

std::optional<std::string> translate_diagnostic_text(std::string_view code, std::string_view text, std::string_view lang) {
  if (lang == "en") return std::string(text);
  if (lang != "kk" && lang != "ru") return std::nullopt;
  for (int pass = 0; pass < 2; ++pass) {
    const std::string_view want = pass == 0 ? code : std::string_view("*");
    if (pass == 1 && code == "*") break;
    for (const auto& p : parsed()) {
      if (want != p.w->code) continue;
      Captures caps;
      if (!match(p.en, 0, text, 0, caps)) continue;
      if (auto t = fill(lang == "kk" ? p.w->kk : p.w->ru, caps, lang)) return t;
    }
  }
  return std::nullopt;
}

std::string DiagnosticTranslator::text(std::string_view code, const std::string& english) {
  if (lang_ == "en" || english.empty()) return english;
  if (auto t = translate_diagnostic_text(code, english, lang_)) return *t;
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
