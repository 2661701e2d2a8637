<?php

/*
| Closure based console commands. (Intentionally empty.)
*/
