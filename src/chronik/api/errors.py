"""One JSON error shape for every failure of the API:

    {"error": {"status": 400, "code": "bad-parameter", "message": "...", "detail": [...]}}
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

CODES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
         413: "too-large", 422: "bad-request", 500: "internal-error", 503: "unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail is not None:
        err["detail"] = detail
    return {"error": err}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.status, exc.code, exc.message, exc.detail), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"field": ".".join(str(p) for p in e.get("loc", ())[1:]) or None, "problem": e.get("msg")}
                  for e in exc.errors()]
        fields = ", ".join(d["field"] or "request" for d in detail)
        return JSONResponse(error_body(400, "bad-parameter", f"invalid value for {fields}", detail), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        return JSONResponse(error_body(status, CODES.get(status, "error"), str(exc.detail)), status_code=status)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, "internal-error", f"{type(exc).__name__}: the request failed"),
                            status_code=500)
