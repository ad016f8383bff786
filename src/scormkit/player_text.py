"""Everything the player says, in each language it speaks: the one place for its words.

Templates read these as `text.<key>`; the runtime gets them in the course JSON (`text`) and
fills `{name}` placeholders with runtime/text.js. A key ending in `_one` (or another CLDR
plural category) is the form of the key without it for such a count `{n}`; the player never
shows a count of zero. English and Spanish are here, other languages in player_words/.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from scormkit.errors import BuildError
from scormkit.player_words import french, german, portuguese
from scormkit.spec.models import Course

ENGLISH: dict[str, str] = {
    # Launch page
    "skip": "Skip to content",
    "menu": "Menu",
    "menu_label": "Course menu",
    "resources": "Resources",
    "downloads": "Downloads",
    "pages_viewed": "Pages viewed",
    "module_failed": (
        "This part of the course could not be loaded. Check your connection, then try again."
    ),
    "module_retry": "Try again",
    "saving_refused": (
        "Your progress may not be saved right now: the learning system is not accepting it. "
        "Keep this window open and carry on; we keep trying. If this message stays, note the "
        "page you are on and tell your learning system's administrator."
    ),
    "not_tracked": (
        "Progress is not being tracked: this course is not running in a learning system, "
        "so nothing will be saved."
    ),
    "needs_script": "This course needs JavaScript to run.",
    "pages_label": "Pages",
    "previous": "Previous",
    "next": "Next",
    "finish": "Finish",
    "page_of": "Page {n} of {total}",
    "seen": "{n} of {total} pages viewed",
    "viewed": "viewed",
    "module_progress": "{n} of {total} pages viewed",
    "points": "Points",
    "badges": "Badges",
    "no_badges": "No badges yet",
    # Cover
    "course": "Course",
    "start": "Start course",
    "duration": "About {n} min",
    "module_count": "{n} modules",
    "module_count_one": "{n} module",
    # Resume prompt
    "resume_title": "Welcome back",
    "resume_question": "Continue where you left off?",
    "resume_continue": "Continue",
    "resume_restart": "Start over",
    "restart_confirm": (
        "Start over? Your answers and the pages you have viewed will be cleared. "
        "This cannot be undone."
    ),
    "restart_yes": "Yes, start over",
    "restart_no": "Cancel",
    # Course end
    "finished": "You have finished this course.",
    "passed_course": "You passed with a score of {score}%.",
    "failed_course": "Your score is {score}%; {needed}% is needed to pass.",
    "open": "Not finished yet: {list}.",
    "open_pages": "{n} pages not viewed",
    "open_pages_one": "{n} page not viewed",
    "open_questions": "{n} questions not answered",
    "open_questions_one": "{n} question not answered",
    "unplayed": "{n} role-plays not finished",
    "unplayed_one": "{n} role-play not finished",
    "saved": "Your progress has been saved. You can close this window.",
    "not_saved": "Progress was not saved because this course is not running in a learning system.",
    # Certificate
    "certificate_title": "Certificate of completion",
    "certificate_presented": "This certifies that",
    "certificate_for": "has completed the course",
    "certificate_date": "Date",
    "certificate_print": "Print certificate",
    "certificate_no_name": "Learner",
    # Questions
    "check": "Check answer",
    "show_hint": "Show hint",
    "hide_hint": "Hide hint",
    "your_answer": "Your answer",
    "your_answer_in": "Your answer (in {unit})",
    "choose": "Choose…",
    "step": "Step {n}",
    "true": "True",
    "false": "False",
    "tries": "{n} tries",
    "right": "Correct.",
    "try_again": "Not quite. Try again.",
    "wrong": "Incorrect.",
    "missing": "Choose or type an answer first.",
    "tries_left_one": "1 try left",
    "tries_left": "{n} tries left",
    "right_answer": "Right answer: {answer}",
    "range": "any number from {min} to {max}",
    "correct_choice": "Correct answer",
    "your_choice": "Your answer",
    "score": "Score: {points} of {max} points ({percent}%).",
    "quiz_passed": "Passed.",
    "quiz_not_passed": "Not passed: {needed}% is needed.",
    "retry": "Take the quiz again",
    "attempts_left_one": "1 attempt left.",
    "attempts_left": "{n} attempts left.",
    "review_title": "Review your answers",
    "review_item": "{verdict} Your answer: {given}.",
    "review_right_answer": "Right answer: {answer}.",
    "no_answer": "none",
    # Surveys
    "agreement": "Strongly disagree|Disagree|Neutral|Agree|Strongly agree",
    "survey_submit": "Send answers",
    "survey_thanks": "Thank you: your answers have been recorded.",
    "survey_missing": "Answer at least one question first.",
    "survey_optional": "Every question is optional and none is scored.",
    # Blocks
    "transcript": "Transcript",
    "captions": "Captions",
    "note": "Note",
    "tip": "Tip",
    "warning": "Warning",
    "important": "Important",
    # Role-plays
    "scenario_lives": "Lives: {n} of {of}",
    "scenario_points": "Points: {parts}",
    "scenario_time_left": "{s} s",
    "scenario_time_announce": "{s} seconds left to choose.",
    "scenario_more_time": "More time",
    "scenario_timer_off": "Turn off the timer",
    "scenario_time_up": "Time ran out before you chose.",
    "scenario_continue": "Continue",
    "scenario_replay": "Try again",
    "scenario_out_of_lives": "You have run out of lives, so the role-play ends here.",
    "scenario_badges": "Badges earned",
    "scenario_ending_success": "Role-play complete: a successful outcome.",
    "scenario_ending_partial": "Role-play complete: a partial outcome.",
    "scenario_ending_failure": "Role-play over: this did not go well.",
    "scenario_lost_life": "You lost a life: {left} left.",
    "scenario_passed": "This counts as passed.",
    "scenario_not_passed": "This does not count as passed yet.",
}

SPANISH: dict[str, str] = {
    "skip": "Saltar al contenido",
    "menu": "Menú",
    "menu_label": "Menú del curso",
    "resources": "Recursos",
    "downloads": "Descargas",
    "pages_viewed": "Páginas vistas",
    "module_failed": (
        "No se ha podido cargar esta parte del curso. Compruebe su conexión e inténtelo de nuevo."
    ),
    "module_retry": "Intentar de nuevo",
    "saving_refused": (
        "Puede que su progreso no se esté guardando: el sistema de formación no lo acepta. "
        "Mantenga esta ventana abierta y continúe; seguimos intentándolo. Si este aviso no "
        "desaparece, anote la página en la que está e infórmelo al administrador del sistema."
    ),
    "not_tracked": (
        "No se está registrando el progreso: este curso no se ejecuta en una plataforma de "
        "aprendizaje, así que no se guardará nada."
    ),
    "needs_script": "Este curso necesita JavaScript para funcionar.",
    "pages_label": "Páginas",
    "previous": "Anterior",
    "next": "Siguiente",
    "finish": "Terminar",
    "page_of": "Página {n} de {total}",
    "seen": "{n} de {total} páginas vistas",
    "viewed": "vista",
    "module_progress": "{n} de {total} páginas vistas",
    "points": "Puntos",
    "badges": "Insignias",
    "no_badges": "Aún no hay insignias",
    "course": "Curso",
    "start": "Empezar el curso",
    "duration": "Unos {n} min",
    "module_count": "{n} módulos",
    "module_count_one": "{n} módulo",
    "resume_title": "Bienvenido de nuevo",
    "resume_question": "¿Quiere continuar donde lo dejó?",
    "resume_continue": "Continuar",
    "resume_restart": "Empezar de nuevo",
    "restart_confirm": (
        "¿Empezar de nuevo? Se borrarán sus respuestas y las páginas que ha visto. "
        "No se puede deshacer."
    ),
    "restart_yes": "Sí, empezar de nuevo",
    "restart_no": "Cancelar",
    "finished": "Ha terminado este curso.",
    "passed_course": "Ha aprobado con una puntuación del {score} %.",
    "failed_course": "Su puntuación es del {score} %; se necesita un {needed} % para aprobar.",
    "open": "Aún no ha terminado: {list}.",
    "open_pages": "{n} páginas sin ver",
    "open_pages_one": "{n} página sin ver",
    "open_questions": "{n} preguntas sin responder",
    "open_questions_one": "{n} pregunta sin responder",
    "unplayed": "{n} juegos de rol sin terminar",
    "unplayed_one": "{n} juego de rol sin terminar",
    "saved": "Su progreso se ha guardado. Puede cerrar esta ventana.",
    "not_saved": (
        "El progreso no se ha guardado porque este curso no se ejecuta en una plataforma de "
        "aprendizaje."
    ),
    "certificate_title": "Certificado de finalización",
    "certificate_presented": "Se certifica que",
    "certificate_for": "ha completado el curso",
    "certificate_date": "Fecha",
    "certificate_print": "Imprimir el certificado",
    "certificate_no_name": "Participante",
    "check": "Comprobar respuesta",
    "show_hint": "Mostrar pista",
    "hide_hint": "Ocultar pista",
    "your_answer": "Su respuesta",
    "your_answer_in": "Su respuesta (en {unit})",
    "choose": "Elija…",
    "step": "Paso {n}",
    "true": "Verdadero",
    "false": "Falso",
    "tries": "{n} intentos",
    "right": "Correcto.",
    "try_again": "No exactamente. Inténtelo de nuevo.",
    "wrong": "Incorrecto.",
    "missing": "Elija o escriba una respuesta primero.",
    "tries_left_one": "Queda 1 intento",
    "tries_left": "Quedan {n} intentos",
    "right_answer": "Respuesta correcta: {answer}",
    "range": "cualquier número entre {min} y {max}",
    "correct_choice": "Respuesta correcta",
    "your_choice": "Su respuesta",
    "score": "Puntuación: {points} de {max} puntos ({percent} %).",
    "quiz_passed": "Aprobado.",
    "quiz_not_passed": "No aprobado: se necesita un {needed} %.",
    "retry": "Repetir el cuestionario",
    "attempts_left_one": "Queda 1 intento.",
    "attempts_left": "Quedan {n} intentos.",
    "review_title": "Revise sus respuestas",
    "review_item": "{verdict} Su respuesta: {given}.",
    "review_right_answer": "Respuesta correcta: {answer}.",
    "no_answer": "ninguna",
    "agreement": "Muy en desacuerdo|En desacuerdo|Neutral|De acuerdo|Muy de acuerdo",
    "survey_submit": "Enviar respuestas",
    "survey_thanks": "Gracias: sus respuestas se han registrado.",
    "survey_missing": "Responda al menos una pregunta primero.",
    "survey_optional": "Todas las preguntas son opcionales y ninguna se puntúa.",
    "transcript": "Transcripción",
    "captions": "Subtítulos",
    "note": "Nota",
    "tip": "Consejo",
    "warning": "Advertencia",
    "important": "Importante",
    # Juegos de rol
    "scenario_lives": "Vidas: {n} de {of}",
    "scenario_points": "Puntos: {parts}",
    "scenario_time_left": "{s} s",
    "scenario_time_announce": "Quedan {s} segundos para elegir.",
    "scenario_more_time": "Más tiempo",
    "scenario_timer_off": "Desactivar el temporizador",
    "scenario_time_up": "Se acabó el tiempo antes de que eligiera.",
    "scenario_continue": "Continuar",
    "scenario_replay": "Intentar de nuevo",
    "scenario_out_of_lives": "Se ha quedado sin vidas, así que el juego de rol termina aquí.",
    "scenario_badges": "Insignias obtenidas",
    "scenario_ending_success": "Juego de rol completado: un resultado satisfactorio.",
    "scenario_ending_partial": "Juego de rol completado: un resultado parcial.",
    "scenario_ending_failure": "Juego de rol terminado: esto no salió bien.",
    "scenario_lost_life": "Ha perdido una vida: le quedan {left}.",
    "scenario_passed": "Esto cuenta como aprobado.",
    "scenario_not_passed": "Esto aún no cuenta como aprobado.",
}

PLAYER_TEXT: dict[str, dict[str, str]] = {
    "en": ENGLISH,
    "es": SPANISH,
    "fr": french.TEXT,
    "de": german.TEXT,
    "pt": portuguese.TEXT,
}


def player_language(course: Course) -> str:
    """The language the player speaks: the spec's `player_language`, else the course's own,
    else English."""
    if course.player_language is not None:
        return course.player_language
    primary = course.language.split("-")[0].lower()
    return primary if primary in PLAYER_TEXT else "en"


def player_language_warning(course: Course) -> str | None:
    """Why the player speaks another language than the course, when it falls back to one."""
    primary = course.language.split("-")[0].lower()
    if course.player_language is not None or primary in PLAYER_TEXT:
        return None
    return (
        f"language: the player has no text in '{course.language}', so it speaks English; "
        f"set `player_language` ({', '.join(PLAYER_TEXT)}) and `player_text` to choose"
    )


def player_text(course: Course) -> dict[str, str]:
    """Every string the player shows for `course`, by key, with the spec's own wording."""
    table = PLAYER_TEXT[player_language(course)]
    unknown = sorted(set(course.player_text) - set(table))
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(table), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise BuildError(f"player_text: no player text called '{unknown[0]}'{hint}")
    return {**table, **course.player_text}


def survey_scale(text: Mapping[str, str]) -> list[str]:
    """The default likert scale: five levels of agreement, in the player's language."""
    return text["agreement"].split("|")
