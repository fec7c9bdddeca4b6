/**
 * The default Arabic stopword set, stored already normalized (with the default rules of
 * `normalize.ts`), so it is compared with normalized words and never needs folding at run time.
 *
 * Source: Lucene's `ArabicAnalyzer` default list
 * (`lucene/analysis/common/src/resources/org/apache/lucene/analysis/ar/stopwords.txt`), "created
 * by Jacques Savoy and distributed under the BSD license" (see
 * http://members.unine.ch/jacques.savoy/clef/). Its 119 words hold spelling variants side by
 * side (اذا/إذا, ان/أن/إن, الى/إلى …) because Lucene removes stopwords before normalizing; folded
 * with our rules they collapse to the 88 words of `LUCENE_STOPWORDS`. We add common
 * clitic-bearing forms and pronoun-suffixed particles in `CLITIC_STOPWORDS`.
 *
 * Known trade-off: ى → ي folding makes the preposition على and the name علي (Ali) one word, and
 * the set removes it, as Lucene does; likewise الى/إلي.
 *
 * ```ts
 * DEFAULT_STOPWORDS.has('وفي') // true
 * ```
 * @module
 */

/** Lucene's Arabic stopwords, normalized with the default rules and deduplicated (88 words). */
export const LUCENE_STOPWORDS: readonly string[] = Object.freeze(
  (
    'من ومن منها منه في وفي فيها فيه و ف ثم او ب بها به ا اي لا ولا الا لكن ما وما كما فما عن مع اذا ' +
    'ان انها انه بان فان وان التي الذي الذين الي علي عليها عليه اما ايضا كل وكل لم ولم لن ولن هي هو ' +
    'وهي وهو فهي فهو انت لك لها له هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو ' +
    'بين بينما منذ ضمن حيث الان خلال بعد قبل حتي عند عندما لدي جميع'
  ).split(' '),
);

/**
 * Clitic-bearing forms (و، ف، ب، ل، ك + particle) and particles with a pronoun suffix, plus a few
 * frequent function words missing from Lucene's list; normalized with the default rules.
 */
export const CLITIC_STOPWORDS: readonly string[] = Object.freeze(
  (
    // و / ف + particle
    'ففي فمن وعلي فعلي وعن فعن ومع وانه فانه وانها فانها فلم فلن وقد فقد فلا ' +
    'فكان فكانت وهذا فهذا وهذه فهذه وذلك فذلك وتلك والتي والذي والذين وبعد وقبل وبين وحتي وعند ' +
    'ومنذ ولكن واذا فاذا وكما وحيث وايضا وبعض وهناك فكل وكذلك ' +
    // ب / ل / ك + particle
    'بذلك لذلك كذلك بكل لكل لان لانه لانها بانه بانها كانه كانها لقد ' +
    // particle + pronoun
    'لهم لهن لهما لنا لي بهم بهما منهم منهما فيهم فيهما عليهم عليهما عنه عنها عنهم معه معها معهم ' +
    'عليك منك فيك ' +
    // pronouns, demonstratives, interrogatives, other particles
    'هم هن هما نحن انا انتم انتما هءلاء اولءك هنا هنالك اذ لو لولا كي كيف متي اين هل ماذا لماذا سوف ' +
    'ليس ليست كانوا وليس وليست فليس وكانوا'
  ).split(' '),
);

/** The default stopword set: `LUCENE_STOPWORDS` and `CLITIC_STOPWORDS`, normalized. */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set([...LUCENE_STOPWORDS, ...CLITIC_STOPWORDS]);
