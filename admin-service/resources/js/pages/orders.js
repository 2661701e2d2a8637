// Orders list and order page: live updates arrive over Laravel Echo (see resources/js/echo.js).
