// A course as render.py writes it into index.html (#sk-course), small enough to reason about.

const question = (fields) => ({
  weight: 1,
  attempts: 1,
  correctFeedback: null,
  incorrectFeedback: null,
  quiz: "check",
  ...fields,
});

export const QUESTIONS = [
  question({
    id: "q-single",
    type: "single_choice",
    options: 3,
    correct: ["b"],
    feedback: { a: "Too soon.", b: "Yes." },
    correctFeedback: "Well done.",
    incorrectFeedback: "Look again.",
  }),
  question({
    id: "q-multi",
    type: "multiple_choice",
    options: 4,
    correct: ["a", "c"],
    feedback: {},
    weight: 2,
  }),
  question({
    id: "q-tf",
    type: "true_false",
    correct: ["f"],
    feedback: { t: "No.", f: "Right." },
    attempts: 2,
  }),
  question({
    id: "q-fill",
    type: "fill_in",
    accepted: ["HIPAA", "the HIPAA act"],
    caseSensitive: false,
    normalizeWhitespace: true,
  }),
  question({ id: "q-num", type: "numeric", answer: 15, tolerance: 0.5, min: null, max: null }),
  // Unscored: weight 0.
  question({ id: "q-range", type: "numeric", answer: null, min: 2, max: 4, weight: 0 }),
  question({ id: "q-match", type: "matching", options: 2, correct: ["a", "b", "a"] }),
  question({ id: "q-seq", type: "sequencing", options: 3, correct: ["a", "b", "c"] }),
];

export const COURSE = {
  id: "demo",
  title: "Demo",
  language: "en",
  tracker: "scorm12",
  completion: { allPages: true, passingScore: 80 },
  modules: [
    { id: "intro", title: "Intro", pages: ["p1", "p2", "p3", "p4", "p5", "p6"] },
    { id: "end", title: "End", pages: ["p7"] },
  ],
  pages: ["p1", "p2", "p3", "p4", "p5", "p6", "p7"].map((id, i) => ({
    id,
    module: i < 6 ? "intro" : "end",
    title: `Page ${i + 1}`,
  })),
  quizzes: [{ id: "check", page: "p7", passingScore: 50, questions: QUESTIONS.map((q) => q.id) }],
  questions: QUESTIONS,
  surveys: [
    {
      id: "feedback",
      page: "p7",
      items: [
        // As render.py writes them.
        { key: "feedback-useful", survey: "feedback", id: "useful", kind: "likert", prompt: "The course was useful.", options: 5, maxLength: 200 },
        { key: "feedback-role", survey: "feedback", id: "role", kind: "single_choice", options: 3, maxLength: 200 },
        { key: "feedback-comments", survey: "feedback", id: "comments", kind: "free_text", options: 0, maxLength: 200 },
      ],
    },
  ],
};

/** The question of COURSE with `id`. */
export const byId = (id) => QUESTIONS.find((q) => q.id === id);
